import { describe, expect, it } from '@jest/globals';
import { UpdateCustomerDocument, UpdateDeveloperFeesDocument } from '../../../generated/graphql.js';
import { useSharedStack } from '../../../helpers/stack.js';

/** Bad input is refused before any upstream call, every broken field listed with its path. */

const KEY = 'onboarding-input-key-7c3e';
const asKey = { headers: { 'api-key': KEY } };
const CUSTOMER = '0b6f7c0e-8a57-4e8a-9d3b-3b0f1f4a2c11';
const stack = useSharedStack();

describe('updateDeveloperFees refuses bad decimals', () => {
  it.each([
    ['negative', '-1'],
    ['an exponent', '1e2'],
    ['longer than 40 characters', `0.${'1'.repeat(40)}`],
    ['not a number', 'half'],
    ['above 100 percent', '100.01'],
    ['more than 15 significant digits', '1.234567890123456'],
  ])('%s (%s): BAD_USER_INPUT with the field path, no upstream call', async (_name, value) => {
    const { body } = await stack.graphql(UpdateDeveloperFeesDocument, { input: { onramp: '1', offramp: value } }, asKey);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'input.offramp', message: expect.any(String) }]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses a JSON number (precision would already be lost)', async () => {
    const { body } = await stack.graphql(UpdateDeveloperFeesDocument, { input: { onramp: 0.1 as unknown as string } }, asKey);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/Decimal must be a string/);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses an input that sets no service', async () => {
    const { body } = await stack.graphql(UpdateDeveloperFeesDocument, { input: {} }, asKey);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input', message: 'input must set at least one service' }] });
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('updateCustomer refuses a bad profile', () => {
  it('lists every broken field: a future birth date, a bad country, OTHER without its text, a document file id', async () => {
    const { body } = await stack.graphql(
      UpdateCustomerDocument,
      {
        customerId: CUSTOMER,
        input: {
          individual: {
            birthDate: '2999-01-01',
            nationality: 'XX',
            accountPurpose: 'OTHER',
            documents: [{ fileId: 'not-a-uuid', purpose: 'ID_DOCUMENT' }],
          },
        },
      },
      asKey,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (body.errors?.[0]?.extensions?.fieldErrors as Array<{ path: string }>).map((error) => error.path).sort();
    expect(paths).toEqual([
      'input.individual.accountPurposeOther',
      'input.individual.birthDate',
      'input.individual.documents.0.fileId',
      'input.individual.nationality',
    ]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses accountPurposeOther without purpose OTHER', async () => {
    const { body } = await stack.graphql(
      UpdateCustomerDocument,
      { customerId: CUSTOMER, input: { individual: { accountPurpose: 'PAYROLL', accountPurposeOther: 'why not' } } },
      asKey,
    );
    expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'input.individual.accountPurposeOther', message: expect.stringMatching(/only then/) }]);
  });

  it('refuses an empty branch', async () => {
    const { body } = await stack.graphql(UpdateCustomerDocument, { customerId: CUSTOMER, input: { individual: {} } }, asKey);
    expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'input.individual', message: 'individual must set at least one field' }]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses both branches (@oneOf)', async () => {
    const { body } = await stack.graphql(
      UpdateCustomerDocument,
      { customerId: CUSTOMER, input: { individual: { firstName: 'A' }, corporate: { documents: [] } } as never },
      asKey,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/Exactly one key must be specified/);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses an unknown document purpose, naming where it is', async () => {
    const { body } = await stack.graphql(
      UpdateCustomerDocument,
      { customerId: CUSTOMER, input: { individual: { documents: [{ fileId: CUSTOMER, purpose: 'SELFIE' as never }] } } },
      asKey,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/input\.individual\.documents\[0\]\.purpose/);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses more than 20 documents', async () => {
    const documents = Array.from({ length: 21 }, () => ({ fileId: CUSTOMER, purpose: 'OTHER' as const }));
    const { body } = await stack.graphql(UpdateCustomerDocument, { customerId: CUSTOMER, input: { corporate: { documents } } }, asKey);
    expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'input.corporate.documents', message: expect.stringMatching(/20/) }]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

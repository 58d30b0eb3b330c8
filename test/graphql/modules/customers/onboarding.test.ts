import { describe, expect, it } from '@jest/globals';
import {
  CreateCustomerDocument,
  CreateKycSessionDocument,
  DeveloperFeesDocument,
  GetCustomerDocument,
  SimulateCustomerDocument,
  UpdateCustomerDocument,
  UpdateDeveloperFeesDocument,
} from '../../../generated/graphql.js';
import { uniqueEmail, useSharedStack } from '../../../helpers/stack.js';
import { postUpload } from '../../../helpers/upload.js';

/** Onboarding through /graphql only: create, upload, profile, simulate, read the KYC status. */

const KEY = 'onboarding-key-41d2';
const asKey = { headers: { 'api-key': KEY } };
const stack = useSharedStack({ env: { ALIGN_RETRY_BASE_DELAY_MS: '10', ALIGN_RETRY_MAX_DELAY_MS: '20' } });

describe('onboarding a customer', () => {
  it('creates, uploads, sends the profile with the file, simulates approval and reads APPROVED (one re-read)', async () => {
    const created = await stack.graphql(CreateCustomerDocument, { input: { individual: { email: uniqueEmail('onb'), firstName: 'Ona', lastName: 'Board' } } }, asKey);
    const customerId = created.body.data!.createCustomer.id;

    const pdf = new TextEncoder().encode('%PDF-1.4 passport scan');
    const uploaded = await postUpload(stack.server.url, { bytes: pdf, filename: 'passport.pdf', type: 'application/pdf' }, { 'apollo-require-preflight': 'true', 'api-key': KEY });
    expect(uploaded.body.errors).toBeUndefined();
    const file = uploaded.body.data!.uploadFile;
    expect(file).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'passport.pdf', mimeType: 'application/pdf' });

    const updated = await stack.graphql(
      UpdateCustomerDocument,
      {
        customerId,
        input: {
          individual: {
            birthDate: '1990-01-15',
            nationality: 'US',
            residentialAddress: { streetLine1: '1 Main St', city: 'Springfield', country: 'US' },
            accountPurpose: 'PERSONAL_OR_LIVING_EXPENSES',
            documents: [{ fileId: file.id, purpose: 'ID_DOCUMENT', docSide: 'front' }],
          },
        },
      },
      asKey,
    );
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data!.updateCustomer.id).toBe(customerId);
    // The profile is personal data: it never reaches a log line.
    expect(stack.logs()).not.toContain('Springfield');
    expect(stack.logs()).not.toContain('1990-01-15');

    await stack.graphql(CreateKycSessionDocument, { customerId }, asKey);
    const readsBefore = await stack.admin.requestCount('GET /v0/customers/:customer_id');
    const simulated = await stack.graphql(SimulateCustomerDocument, { customerId }, asKey);
    expect(simulated.body.errors).toBeUndefined();
    expect(simulated.body.data!.simulateCustomer.kyc!.status).toBe('APPROVED');
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id')).toBe(readsBefore + 1);

    const read = await stack.graphql(GetCustomerDocument, { id: customerId }, asKey);
    expect(read.body.data!.customer!.kyc!.status).toBe('APPROVED');
  });

  it('sends only the chosen branch, with the fields given, in the upstream spelling', async () => {
    const created = await stack.graphql(CreateCustomerDocument, { input: { corporate: { email: uniqueEmail('corp'), companyName: 'Corp' } } }, asKey);
    const customerId = created.body.data!.createCustomer.id;
    const uploaded = await postUpload(stack.server.url, { bytes: new Uint8Array([1, 2, 3]), filename: 'deed.png', type: 'image/png' }, { 'apollo-require-preflight': 'true', 'api-key': KEY });
    const fileId = uploaded.body.data!.uploadFile.id;
    const { body } = await stack.graphql(UpdateCustomerDocument, { customerId, input: { corporate: { documents: [{ fileId, purpose: 'BUSINESS_FORMATION' }] } } }, asKey);
    expect(body.errors).toBeUndefined();
    // The emulator refuses a file id the account does not have: the one sent is the one uploaded.
    const foreign = await stack.graphql(
      UpdateCustomerDocument,
      { customerId, input: { corporate: { documents: [{ fileId: '00000000-0000-4000-8000-000000000000', purpose: 'OTHER' }] } } },
      asKey,
    );
    expect(foreign.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', upstreamStatus: 400 });
  });
});

describe('developer fees', () => {
  it('updateDeveloperFees(onramp: "0.5") then developerFees answers "0.5" exactly', async () => {
    const updated = await stack.graphql(UpdateDeveloperFeesDocument, { input: { onramp: '0.5' } }, asKey);
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data!.updateDeveloperFees).toContainEqual({ serviceType: 'ONRAMP', accrualBasis: 'PERCENTAGE', value: '0.5' });
    const read = await stack.graphql(DeveloperFeesDocument, {}, asKey);
    expect(read.body.data!.developerFees).toEqual([
      { serviceType: 'ONRAMP', accrualBasis: 'PERCENTAGE', value: '0.5' },
      { serviceType: 'OFFRAMP', accrualBasis: 'PERCENTAGE', value: '0' },
      { serviceType: 'CROSS_CHAIN_TRANSFER', accrualBasis: 'PERCENTAGE', value: '0' },
    ]);
  });

  it('prints a fee the upstream holds as a tiny JSON number positionally, never in exponent form', async () => {
    await stack.graphql(UpdateDeveloperFeesDocument, { input: { crossChainTransfer: '0.0000001' } }, asKey);
    const read = await stack.graphql(DeveloperFeesDocument, {}, asKey);
    expect(read.body.data!.developerFees).toContainEqual({ serviceType: 'CROSS_CHAIN_TRANSFER', accrualBasis: 'PERCENTAGE', value: '0.0000001' });
  });
});

import { describe, expect, it } from '@jest/globals';
import { useSharedStack } from '../../../helpers/stack.js';
import { ACCOUNT_LIST_ROUTE, as, newCustomer, newExternalAccount, newTransfer, TRANSFER_GET_ROUTE, US_ACCOUNT } from './fixtures.js';

/** OfframpTransfer and ExternalAccount as federation entities keyed `customerId id`. */

const KEY = 'offramp-federation-key-8d3e';
const stack = useSharedStack();

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on OfframpTransfer { id customerId status amount customer { id } }
    ... on ExternalAccount { id customerId bankAccount { bankName accountType } }
  }
}`;

type Entity = { id: string; customerId: string; status?: string; bankAccount?: { bankName: string } } | null;

describe('OfframpTransfer entities', () => {
  it('resolves 100 representations of 10 transfers with exactly 10 upstream GETs', async () => {
    const customerId = await newCustomer(stack, KEY);
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(await newTransfer(stack, KEY, customerId));
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'OfframpTransfer', customerId, id: ids[i % 10] }));
    const { body } = await stack.graphql<{ _entities: Entity[] }, unknown>(ENTITIES, { r: representations }, as(KEY));
    expect(body.errors).toBeUndefined();
    body.data!._entities.forEach((entity, i) => expect(entity).toEqual({ id: ids[i % 10], customerId, status: 'PENDING', amount: '0.099999', customer: { id: customerId } }));
    expect(await stack.admin.requestCount(TRANSFER_GET_ROUTE)).toBe(10);
  });

  it('resolves malformed and foreign keys to null, calling only for well-formed ones', async () => {
    const customerId = await newCustomer(stack, KEY);
    const other = await newCustomer(stack, KEY);
    const id = await newTransfer(stack, KEY, customerId);
    const representations = [
      { __typename: 'OfframpTransfer', customerId, id: 'not-a-uuid' },
      { __typename: 'OfframpTransfer', id },
      { __typename: 'OfframpTransfer', customerId: other, id },
      { __typename: 'ExternalAccount', customerId: 42, id },
    ];
    const { body } = await stack.graphql<{ _entities: Entity[] }, unknown>(ENTITIES, { r: representations }, as(KEY));
    expect(body.data!._entities).toEqual([null, null, null, null]);
    expect(await stack.admin.requestCount(TRANSFER_GET_ROUTE)).toBe(1);
    expect(await stack.admin.requestCount(ACCOUNT_LIST_ROUTE)).toBe(0);
  });
});

describe('ExternalAccount entities and lists', () => {
  it('picks accounts out of one list call per distinct customer', async () => {
    const customers = [await newCustomer(stack, KEY), await newCustomer(stack, KEY), await newCustomer(stack, KEY)];
    const accounts: Array<{ customerId: string; id: string }> = [];
    for (const customerId of customers) {
      accounts.push({ customerId, id: await newExternalAccount(stack, KEY, customerId) });
      accounts.push({ customerId, id: await newExternalAccount(stack, KEY, customerId, US_ACCOUNT) });
    }
    const representations = [...accounts, ...accounts, { customerId: customers[0], id: customers[1] }].map((key) => ({ __typename: 'ExternalAccount', ...key }));
    const { body } = await stack.graphql<{ _entities: Entity[] }, unknown>(ENTITIES, { r: representations }, as(KEY));
    expect(body.errors).toBeUndefined();
    const expected = accounts.map((key, i) => ({ ...key, bankAccount: { bankName: i % 2 === 0 ? 'Deutsche Bank' : 'Chase', accountType: i % 2 === 0 ? 'IBAN' : 'US' } }));
    expect(body.data!._entities).toEqual([...expected, ...expected, null]);
    expect(await stack.admin.requestCount(ACCOUNT_LIST_ROUTE)).toBe(3);
  });

  it("reads 3 customers' externalAccounts in one operation with 3 list calls", async () => {
    const customers = [await newCustomer(stack, KEY), await newCustomer(stack, KEY), await newCustomer(stack, KEY)];
    for (const customerId of customers) await newExternalAccount(stack, KEY, customerId);
    const { body } = await stack.graphql<Record<string, Array<{ customerId: string }>>, unknown>(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: externalAccounts(customerId: $a) { customerId }
        b: externalAccounts(customerId: $b) { customerId }
        c: externalAccounts(customerId: $c) { customerId }
        again: externalAccounts(customerId: $a) { id }
        customer(id: $b) { externalAccounts { id } }
      }`,
      { a: customers[0], b: customers[1], c: customers[2] },
      as(KEY),
    );
    expect(body.errors).toBeUndefined();
    expect([body.data!.a, body.data!.b, body.data!.c]).toEqual(customers.map((customerId) => [{ customerId }]));
    expect(await stack.admin.requestCount(ACCOUNT_LIST_ROUTE)).toBe(3);
  });

  it('the SDL declares both entities with their keys', async () => {
    const { body } = await stack.graphql<{ _service: { sdl: string } }, never>('{ _service { sdl } }');
    expect(body.data!._service.sdl).toMatch(/type OfframpTransfer implements Transfer\s+@key\(fields: "customerId id"\)/);
    expect(body.data!._service.sdl).toMatch(/type ExternalAccount\s+@key\(fields: "customerId id"\)/);
  });
});

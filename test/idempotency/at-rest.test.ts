import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { CreateCustomerDocument, GetCustomerDocument } from '../generated/graphql.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startStack, uniqueEmail, type TestStack } from '../helpers/stack.js';

/** What a server leaves in Redis after creates: read with redis-cli, as someone holding a dump would. */

const SERVER_KEY = 'server-held-align-key-at-rest';
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'align-graphql';
const HS_SECRET = 'hs256-shared-secret-for-at-rest-tests-0123456';

let redis: TestRedis;
let stack: TestStack;
beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack({
    demoKey: false,
    env: {
      REDIS_URL: redis.url,
      ALIGN_API_KEY: SERVER_KEY,
      AUTH_JWT_SECRET: HS_SECRET,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      IDEMPOTENCY_SECRET: 'idempotency-secret-for-at-rest-tests-0123',
    },
  });
});
afterAll(async () => {
  await stack?.close();
  await redis?.stop();
});

async function bearer(subject: string): Promise<Record<string, string>> {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(HS_SECRET));
  return { authorization: `Bearer ${token}` };
}

function redisCli(...args: string[]): string {
  const { port } = new URL(redis.url);
  return execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', port, ...args], { encoding: 'utf8' });
}

/** Every key and its whole value, as text. */
function dump(): Map<string, string> {
  const values = new Map<string, string>();
  for (const key of redisCli('--scan').split('\n').filter(Boolean)) {
    const type = redisCli('TYPE', key).trim();
    values.set(key, type === 'string' ? redisCli('GET', key) : redisCli('SMEMBERS', key));
  }
  return values;
}

describe('idempotency records at rest (Redis)', () => {
  it('hold no email, name or key in clear, and a repeat of the key still gets the result', async () => {
    const headers = await bearer('at-rest-user');
    const email = uniqueEmail('zelda.quartermain');
    const input = { individual: { email, firstName: 'Zelda', lastName: 'Quartermain' } };
    const idempotencyKey = `at-rest-${randomUUID()}`;
    const created = await stack.graphql(CreateCustomerDocument, { input, idempotencyKey }, { headers });
    expect(created.body.errors).toBeUndefined();
    const unkeyed = await stack.graphql(
      CreateCustomerDocument,
      { input: { corporate: { email: uniqueEmail('yoyodyne.holdings'), companyName: 'Yoyodyne Holdings' } } },
      { headers },
    );
    expect(unkeyed.body.errors).toBeUndefined();

    const values = dump();
    expect(values.size).toBeGreaterThanOrEqual(2); // the sealed record and the subject's customers
    const everything = [...values].map(([key, value]) => `${key}\n${value}`).join('\n').toLowerCase();
    for (const secret of [email, 'zelda', 'quartermain', 'yoyodyne', 'lovelace', idempotencyKey, SERVER_KEY, 'at-rest-user']) {
      expect(everything).not.toContain(secret.toLowerCase());
    }
    // The ids of the subject's customers are kept (no personal data), so it can read them back.
    expect(everything).toContain(created.body.data!.createCustomer.id);

    const again = await stack.graphql(CreateCustomerDocument, { input, idempotencyKey }, { headers });
    expect(again.body.data).toEqual(created.body.data);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(2);
    const read = await stack.graphql(GetCustomerDocument, { id: created.body.data!.createCustomer.id }, { headers });
    expect(read.body.data!.customer?.email).toBe(email);
  });
});

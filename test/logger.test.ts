import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../src/logger.js';

function capture(level: Parameters<typeof createLogger>[0] = 'info') {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (chunk: string) => void lines.push(chunk) });
  return { logger, lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON object per line with level label, ISO time and service', () => {
    const { logger, lines } = capture();
    logger.info({ requestId: 'r-1' }, 'hello');
    expect(lines()).toEqual([
      { level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'align-graphql', requestId: 'r-1', msg: 'hello' },
    ]);
  });

  it('redacts credentials and personal data at the top level and in headers', () => {
    const { logger, lines } = capture();
    const secrets = {
      apiKey: 'sk-top-1',
      token: 'tok-top-2',
      jwt: 'eyJ.top.3',
      authorization: 'Bearer sk-top-4',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      companyName: 'Acme',
      variables: { id: 'v-1' },
      input: { individual: { email: 'in@example.com' } },
      headers: { authorization: 'Bearer sk-h-5', 'api-key': 'sk-h-6', cookie: 'session=c-7' },
      req: { headers: { authorization: 'Bearer sk-r-8', 'api-key': 'sk-r-9', cookie: 'session=c-10' } },
    };
    logger.info(secrets, 'with secrets');
    const text = JSON.stringify(lines());
    for (const value of ['sk-top-1', 'tok-top-2', 'eyJ.top.3', 'sk-top-4', 'ada@example.com', 'Ada', 'Lovelace', 'Acme', 'v-1',
      'in@example.com', 'sk-h-5', 'sk-h-6', 'c-7', 'sk-r-8', 'sk-r-9', 'c-10']) {
      expect({ value, leaked: text.includes(value) }).toEqual({ value, leaked: false });
    }
    expect(lines()[0]).toMatchObject({ email: '[redacted]', headers: { 'api-key': '[redacted]' } });
  });
});

describe('logger: the KYC profile', () => {
  it('redacts the profile fields in either spelling', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        profile: { first_name: 'Pro' },
        body: { birth_date: '1990-01-15' },
        birthDate: '1991-02-16',
        birth_date: '1992-03-17',
        residentialAddress: { city: 'Springfield' },
        residential_address: { city: 'Shelbyville' },
        identifyingInformation: { idDocument: { number: 'P-111' } },
        identifying_information: { tax_number: { number: 'T-222' } },
        documents: [{ file_id: 'f-333' }],
        walletAddress: '0xwallet1',
        wallet_address: '0xwallet2',
      },
      'profile',
    );
    const text = JSON.stringify(lines());
    for (const value of ['Pro', '1990-01-15', '1991-02-16', '1992-03-17', 'Springfield', 'Shelbyville', 'P-111', 'T-222', 'f-333', '0xwallet1', '0xwallet2']) {
      expect({ value, leaked: text.includes(value) }).toEqual({ value, leaked: false });
    }
  });
});

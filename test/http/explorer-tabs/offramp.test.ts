import { describe, expect, it } from '@jest/globals';
import { offrampTabs } from '../../../src/http/explorer-tabs/offramp.js';
import { explorerTabs } from '../../../src/http/explorer-tabs/index.js';
import { uniqueEmail, useSharedStack } from '../../helpers/stack.js';

/** The explorer's off-ramp tab runs as it stands: five steps, ids carried from one to the next. */

const stack = useSharedStack();

describe('the off-ramp explorer tab', () => {
  it('is one of the explorer tabs', () => {
    expect(explorerTabs()).toEqual(expect.arrayContaining(offrampTabs()));
  });

  it('takes a transfer from quote to COMPLETED with the demo key, step by step', async () => {
    const [tab] = offrampTabs();
    const variables = JSON.parse(tab!.variables) as Record<string, unknown>;
    const created = await stack.graphql<{ createCustomer: { id: string } }, unknown>(
      'mutation($e: String!) { createCustomer(input: { individual: { email: $e, firstName: "Ada", lastName: "Lovelace" } }) { id } }',
      { e: uniqueEmail('explorer') },
    );
    variables.customerId = created.body.data!.createCustomer.id;
    const run = async (operationName: string) => {
      const response = await fetch(`${stack.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: tab!.query, variables, operationName }),
      });
      const body = (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return Object.values(body.data!)[0]!;
    };
    variables.quoteId = (await run('Step1_Quote')).id;
    variables.transferId = (await run('Step2_Transfer')).id;
    expect((await run('Step3_Complete')).status).toBe('PROCESSING');
    expect((await run('Step4_Simulate')).status).toBe('COMPLETED');
    expect(await run('Step5_Status')).toMatchObject({ status: 'COMPLETED', amount: '0.1' });
  });
});

import { describe, expect, it } from '@jest/globals';
import { CompleteOfframpTransferDocument, CreateVirtualAccountDocument, CreateWebhookDocument, SimulateOfframpTransferDocument, TransferStatusUpdatedDocument } from '../../generated/graphql.js';
import { as, HASH, newCustomer, newTransfer } from '../modules/offramp/fixtures.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { uniqueEmail, useSharedStack } from '../../helpers/stack.js';

/**
 * Transfer webhooks end to end: the emulator's signed delivery reaches the receiver, the event is
 * attributed to its customer, and `transfer` is read again with the subscriber's own key.
 */

const KEY = 'transfer-events-key-3f9a';
const stack = useSharedStack({ env: { ALIGN_WEBHOOK_KEYS: KEY } });

type TransferEvent = {
  transferStatusUpdated: {
    kind: string;
    transferId: string;
    customerId: string | null;
    virtualAccountId: string | null;
    transfer: { id: string; status: string } | null;
  };
};

async function registerReceiver(): Promise<void> {
  const { body } = await stack.graphql(CreateWebhookDocument, { url: `${stack.server.url}/webhooks/align` }, as(KEY));
  expect(body.errors).toBeUndefined();
}

describe('transferStatusUpdated', () => {
  it('pushes each step of an off-ramp, with the transfer re-read under the subscriber key (COMPLETED last)', async () => {
    await registerReceiver();
    const customerId = await newCustomer(stack, KEY);
    const subscription = subscribe<TransferEvent>(stack.server.url, TransferStatusUpdatedDocument, { customerId, kinds: ['OFFRAMP'] }, { 'Api-Key': KEY });
    await subscription.ready;
    const transferId = await newTransfer(stack, KEY, customerId);
    await stack.graphql(CompleteOfframpTransferDocument, { customerId, transferId, depositTransactionHash: HASH }, as(KEY));
    const simulated = await stack.graphql(SimulateOfframpTransferDocument, { customerId, transferId }, as(KEY));
    expect(simulated.body.errors).toBeUndefined();
    await subscription.waitFor(3, 3_000);
    const events = subscription.results.map((result) => result.data!.transferStatusUpdated);
    expect(events.every((event) => event.kind === 'OFFRAMP' && event.transferId === transferId && event.customerId === customerId)).toBe(true);
    // Each event reads the transfer as it is when the event arrives; the last one sees it completed.
    expect(events.at(-1)!.transfer).toEqual({ id: transferId, status: 'COMPLETED' });
    await subscription.close();
  });

  it('attributes an on-ramp made by a virtual-account deposit to the account\'s customer', async () => {
    await registerReceiver();
    const seeded = await stack.admin.seedCustomer(KEY, {
      email: uniqueEmail('va-events'),
      type: 'individual',
      first_name: 'Vera',
      last_name: 'Account',
      kycs: { status: 'approved', sub_status: null, kyc_flow_link: null, status_breakdown: [] },
    });
    const customerId = seeded.customer_id as string;
    const account = await stack.graphql(
      CreateVirtualAccountDocument,
      { customerId, input: { sourceCurrency: 'USD', destinationNetwork: 'POLYGON', destinationToken: 'USDC', destinationAddress: '0x52908400098527886E0F7030069857D2E4169EE7' } },
      as(KEY),
    );
    expect(account.body.errors).toBeUndefined();
    const virtualAccountId = account.body.data!.createVirtualAccount.id;
    const subscription = subscribe<TransferEvent>(stack.server.url, TransferStatusUpdatedDocument, { customerId, kinds: ['ONRAMP'] }, { 'Api-Key': KEY });
    await subscription.ready;
    const deposit = await stack.admin.post('deposits', { api_key: KEY, virtual_account_id: virtualAccountId, amount: '25.00' });
    expect(deposit.status).toBe(201);
    await subscription.waitFor(1, 2_000);
    const event = subscription.results[0]!.data!.transferStatusUpdated;
    expect(event).toMatchObject({ kind: 'ONRAMP', customerId, virtualAccountId, transferId: (deposit.body as { transfer_id: string }).transfer_id });
    expect(event.transfer?.id).toBe(event.transferId);
    await subscription.close();
  });
});

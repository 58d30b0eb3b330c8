import type { AlignEvent } from '../../events/event.js';
import type { GraphQLContext } from '../context.js';
import { NoWebhooksForTenantError, subscriptionContextOf } from './subscriber.js';

/**
 * The events of the subscriber's tenant that `accept` keeps, as the async iterator a subscription
 * resolver returns. Written by hand rather than as an async generator: a generator waiting for the
 * next event cannot be stopped until one arrives, so an idle subscription would never let go of the bus.
 * Each event queued counts against the connection's backlog; each one taken renews the context.
 */
export async function eventStream(context: GraphQLContext, accept: (event: AlignEvent) => boolean): Promise<AsyncIterableIterator<AlignEvent>> {
  const subscription = subscriptionContextOf(context);
  const { subscriber } = subscription;
  if (!subscriber.receivesWebhooks) throw new NoWebhooksForTenantError();
  const queue: Array<{ event: AlignEvent; size: number }> = [];
  let waiting: ((result: IteratorResult<AlignEvent>) => void) | undefined;
  let finished = false;

  const take = (entry: { event: AlignEvent; size: number }): IteratorResult<AlignEvent> => {
    subscriber.backlog.remove(entry.size);
    subscription.renew();
    return { value: entry.event, done: false };
  };
  const unsubscribe = await subscriber.bus.subscribe(subscriber.tenant, (event, size) => {
    if (finished || !accept(event) || !subscriber.backlog.add(size)) return;
    const entry = { event, size };
    if (waiting === undefined) return void queue.push(entry);
    const resolve = waiting;
    waiting = undefined;
    resolve(take(entry));
  });
  const finish = (): IteratorResult<AlignEvent> => {
    if (!finished) {
      finished = true;
      unsubscribe();
      for (const entry of queue.splice(0)) subscriber.backlog.remove(entry.size);
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    }
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<AlignEvent> = {
    [Symbol.asyncIterator]: () => iterator,
    next: () => {
      if (finished) return Promise.resolve({ value: undefined, done: true });
      const entry = queue.shift();
      if (entry !== undefined) return Promise.resolve(take(entry));
      return new Promise((resolve) => (waiting = resolve));
    },
    return: () => Promise.resolve(finish()),
    throw: (error: unknown) => {
      finish();
      return Promise.reject(error);
    },
  };
  return iterator;
}

import { createItemQueue } from "./create-item-queue";

/** What a batcher needs: how to send a batch and whom to tell about items it could not send. */
export type BatcherOptions<T> = {
  batchSize: number;
  maxQueue: number;
  /** Sends one batch; resolves once every item is delivered or reported. */
  send: (batch: T[]) => Promise<void>;
  /** Told about the oldest items dropped because the queue was over `maxQueue`. */
  reportDropped: (items: T[]) => void;
  /** Told about a batch whose `send` threw (a bug, since `send` reports its own failures). */
  reportUnsent: (items: T[], error: unknown) => void;
};

/** A bounded queue that sends full batches at once and partial ones when flushed, one request at a time. */
export type Batcher<T> = {
  add(item: T): void;
  /** Starts sending everything queued so far without waiting. */
  requestFlush(): void;
  /** Sends everything queued so far; resolves when each of those items is delivered or reported. */
  flush(): Promise<void>;
  /** Items neither delivered nor reported yet: the batch in flight, then the queue. */
  pendingItems(): T[];
};

/** A batcher over `send`; items go out in the order they were added. */
export function createBatcher<T>(options: BatcherOptions<T>): Batcher<T> {
  const { batchSize, maxQueue } = options;
  const queue = createItemQueue<T>();
  // Items are numbered in the order added; flush waits by number, so steady traffic arriving
  // after a flush call cannot keep that flush waiting.
  let added = 0;
  let flushUpTo = 0;
  let inFlight: T[] | null = null;
  let inFlightFrom = 0;
  let pumping = false;
  let dropped: T[] = [];
  const waiters: { upTo: number; resolve: () => void }[] = [];

  const nextQueued = () => added - queue.length;
  const settledBelow = () => (inFlight ? inFlightFrom : nextQueued());

  function settleWaiters() {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (settledBelow() >= waiters[i].upTo) {
        waiters[i].resolve();
        waiters.splice(i, 1);
      }
    }
  }

  function hasBatchDue() {
    return queue.length >= batchSize || (queue.length > 0 && nextQueued() < flushUpTo);
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (hasBatchDue()) {
        inFlightFrom = nextQueued();
        const batch = queue.take(batchSize);
        inFlight = batch;
        try {
          await options.send(batch);
        } catch (error) {
          options.reportUnsent(batch, error);
        } finally {
          inFlight = null;
          settleWaiters();
        }
      }
    } finally {
      pumping = false;
    }
  }

  // One report per burst of drops rather than one per item, which could be thousands a second.
  function reportDroppedSoon(item: T) {
    dropped.push(item);
    if (dropped.length > 1) return;
    queueMicrotask(() => {
      const items = dropped;
      dropped = [];
      options.reportDropped(items);
    });
  }

  function requestFlush() {
    flushUpTo = added;
    void pump();
  }

  return {
    add(item) {
      queue.push(item);
      added += 1;
      if (queue.length > maxQueue) {
        reportDroppedSoon(queue.shift() as T);
        settleWaiters();
      }
      if (queue.length >= batchSize) void pump();
    },
    requestFlush,
    flush() {
      const upTo = added;
      requestFlush();
      if (settledBelow() >= upTo) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ upTo, resolve }));
    },
    pendingItems() {
      return [...(inFlight ?? []), ...queue.toArray()];
    },
  };
}

/** A FIFO queue with amortised O(1) removal from the front, for queues of 100,000 items. */
export type ItemQueue<T> = {
  readonly length: number;
  push(item: T): void;
  /** Removes and returns up to `count` items from the front. */
  take(count: number): T[];
  /** Removes and returns the oldest item. */
  shift(): T | undefined;
  /** A copy of the items, oldest first. */
  toArray(): T[];
};

/** An empty queue. */
export function createItemQueue<T>(): ItemQueue<T> {
  let items: T[] = [];
  let head = 0;

  // Array.prototype.shift moves every element; a moving head with an occasional compaction does not.
  function compact() {
    if (head > 1024 && head * 2 > items.length) {
      items = items.slice(head);
      head = 0;
    }
  }

  return {
    get length() {
      return items.length - head;
    },
    push(item) {
      items.push(item);
    },
    take(count) {
      const taken = items.slice(head, head + count);
      head += taken.length;
      if (head === items.length) {
        items = [];
        head = 0;
      } else compact();
      return taken;
    },
    shift() {
      if (head >= items.length) return undefined;
      const item = items[head];
      items[head] = undefined as T;
      head += 1;
      compact();
      return item;
    },
    toArray() {
      return items.slice(head);
    },
  };
}

import { describe, expect, it, vi } from "vitest";
import { createBatcher } from "./create-batcher";
import { createItemQueue } from "./create-item-queue";

describe("createItemQueue", () => {
  it("is first in, first out across compactions", () => {
    const queue = createItemQueue<number>();
    for (let i = 0; i < 5000; i++) queue.push(i);
    expect(queue.shift()).toBe(0);
    expect(queue.take(2000)).toHaveLength(2000);
    expect(queue.shift()).toBe(2001);
    expect(queue.length).toBe(2998);
    expect(queue.toArray()[0]).toBe(2002);
    expect(queue.take(10_000)).toHaveLength(2998);
    expect(queue.shift()).toBeUndefined();
  });
});

describe("createBatcher", () => {
  it("flush waits only for items added before it, even under steady traffic", async () => {
    const releases: (() => void)[] = [];
    const sent: number[][] = [];
    const batcher = createBatcher<number>({
      batchSize: 2,
      maxQueue: 100,
      send: (batch) => {
        sent.push(batch);
        return new Promise<void>((resolve) => releases.push(resolve));
      },
      reportDropped: () => {},
      reportUnsent: () => {},
    });
    batcher.add(1);
    const flushed = vi.fn();
    void batcher.flush().then(flushed);
    batcher.add(2);
    batcher.add(3);

    releases.shift()!();
    await vi.waitFor(() => expect(flushed).toHaveBeenCalled());
    // Items 2 and 3 came after the flush: they go out as a full batch, not before the flush answers.
    expect(sent[0]).toEqual([1]);
  });

  it("reports a batch whose send throws instead of losing it", async () => {
    const reportUnsent = vi.fn();
    const batcher = createBatcher<number>({
      batchSize: 10,
      maxQueue: 100,
      send: async () => {
        throw new Error("bug");
      },
      reportDropped: () => {},
      reportUnsent,
    });
    batcher.add(1);
    batcher.add(2);
    await batcher.flush();
    expect(reportUnsent).toHaveBeenCalledWith([1, 2], expect.any(Error));
    expect(batcher.pendingItems()).toEqual([]);
  });
});

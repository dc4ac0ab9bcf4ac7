import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { decodeRunCursor, encodeRunCursor } from "./run-cursor";

describe("run cursor", () => {
  it("round-trips the sort key and the run id", () => {
    const cursor = { sort: "cost" as const, key: "0.1234567891", runId: "run/with spaces é" };
    expect(decodeRunCursor(encodeRunCursor(cursor), "cost")).toEqual(cursor);
  });

  it("refuses garbage and a cursor made for another sort, naming the cursor param", () => {
    const steps = encodeRunCursor({ sort: "steps", key: "3", runId: "r" });
    for (const [text, sort] of [["not-a-cursor", "cost"], [steps, "cost"], [encodeRunCursor({ sort: "cost", key: "1e5", runId: "r" }), "cost"]] as const) {
      try {
        decodeRunCursor(text, sort);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).issues?.[0].path).toBe("cursor");
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createActionItemSchema, updateActionItemSchema } from "./schemas";

describe("action item schemas", () => {
  it("trims, defaults the status and reads empty owner and due date as none", () => {
    expect(createActionItemSchema.parse({ title: "  Cap retries ", owner: "", due_date: "" })).toEqual({ title: "Cap retries", owner: null, due_date: null, status: "open" });
    expect(updateActionItemSchema.parse({ due_date: null })).toEqual({ due_date: null });
  });

  it("names each bad field", () => {
    const paths = (input: unknown) => createActionItemSchema.safeParse(input).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths({ title: "" })).toEqual(["title"]);
    expect(paths({ title: "ok", due_date: "2026-11-31" })).toEqual(["due_date"]);
    expect(paths({ title: "ok", status: "closed" })).toEqual(["status"]);
    expect(paths({ title: "ok", extra: 1 })).toEqual([""]);
    expect(updateActionItemSchema.safeParse({}).success).toBe(false);
  });

  it("can be described in the OpenAPI document", () => {
    const create = z.toJSONSchema(createActionItemSchema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(create.properties)).toEqual(["title", "owner", "due_date", "status", "note", "source", "week"]);
    expect(create.required).toEqual(["title"]);
    expect(() => z.toJSONSchema(updateActionItemSchema, { io: "input", unrepresentable: "any" })).not.toThrow();
  });
});

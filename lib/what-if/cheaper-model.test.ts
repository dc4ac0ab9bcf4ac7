import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/pricing/catalog";
import { displayModelName, findCheaperSibling } from "./cheaper-model";

const catalog = loadCatalog();
const sibling = (provider: string, model: string) => {
  const entry = findCheaperSibling(catalog, provider, model);
  return entry ? displayModelName(entry.key) : null;
};

describe("findCheaperSibling", () => {
  it("steps down one tier within the family and provider", () => {
    expect(sibling("openai", "gpt-4o")).toBe("gpt-4o-mini");
    expect(sibling("openai", "gpt-4o-2024-08-06")).toBe("gpt-4o-mini");
    expect(sibling("openai", "gpt-4.1-mini")).toBe("gpt-4.1-nano");
    expect(sibling("anthropic", "claude-sonnet-4-5-20250929")).toBe("claude-haiku-4-5");
    expect(sibling("google", "gemini-2.5-pro")).toBe("gemini-2.5-flash");
    expect(sibling("google", "gemini-2.5-flash")).toBe("gemini-2.5-flash-lite");
  });

  it("answers null when no cheaper sibling is in the catalog or the model is unknown", () => {
    expect(sibling("openai", "gpt-4o-mini")).toBeNull();
    expect(sibling("anthropic", "claude-haiku-4-5")).toBeNull();
    expect(sibling("self_hosted", "llama-70b")).toBeNull();
  });
});

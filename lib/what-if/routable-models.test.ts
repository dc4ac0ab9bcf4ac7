import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/pricing/catalog";
import { listRoutableModels } from "./routable-models";

describe("listRoutableModels", () => {
  it("lists each provider's chat models once, as events name the provider", () => {
    const models = listRoutableModels(loadCatalog(), ["openai", "google", "openai"]);
    const names = models.map((m) => `${m.provider}/${m.model}`);
    expect(names).toContain("openai/gpt-4o-mini");
    expect(names).toContain("google/gemini-2.5-flash");
    expect(names).not.toContain("openai/gpt-4o-2024-08-06");
    expect(new Set(names).size).toBe(names.length);
    expect(models.every((m) => m.provider === "openai" || m.provider === "google")).toBe(true);
  });
});

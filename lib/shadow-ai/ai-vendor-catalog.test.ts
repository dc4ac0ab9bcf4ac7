import { describe, expect, it } from "vitest";
import { AI_VENDOR_CATALOG, AI_VENDOR_CATEGORIES } from "./ai-vendor-catalog";

describe("AI_VENDOR_CATALOG", () => {
  it("lists at least 60 vendors and products with unique slug ids", () => {
    expect(AI_VENDOR_CATALOG.length).toBeGreaterThanOrEqual(60);
    const ids = AI_VENDOR_CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("covers every category, with the kinds the spec names", () => {
    const used = new Set(AI_VENDOR_CATALOG.map((entry) => entry.category));
    expect([...used].sort()).toEqual([...AI_VENDOR_CATEGORIES].sort());
    for (const category of ["chat_assistant", "coding_assistant", "image", "audio", "video", "writing", "meeting", "api_provider"] as const) {
      expect(AI_VENDOR_CATALOG.filter((entry) => entry.category === category).length, category).toBeGreaterThanOrEqual(3);
    }
  });

  it("marks every api_provider entry as an API provider and names a website and patterns for each", () => {
    for (const entry of AI_VENDOR_CATALOG) {
      if (entry.category === "api_provider") expect(entry.apiProvider, entry.id).toBe(true);
      expect(entry.website, entry.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+/);
      expect(entry.vendor.length, entry.id).toBeGreaterThan(0);
      expect(entry.product.length, entry.id).toBeGreaterThan(0);
      expect(entry.merchantPatterns.length, entry.id).toBeGreaterThan(0);
      for (const pattern of entry.merchantPatterns) {
        if (typeof pattern !== "string") expect(pattern.requires.length, entry.id).toBeGreaterThan(0);
      }
    }
  });

  it("includes the vendors a shadow-AI audit is asked about first", () => {
    const ids = new Set(AI_VENDOR_CATALOG.map((entry) => entry.id));
    for (const id of ["openai-chatgpt", "openai-api", "anthropic-claude", "anthropic-api", "github-copilot", "cursor", "google-gemini", "microsoft-copilot", "midjourney", "aws-bedrock", "azure-openai"]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("is frozen, entries and patterns included", () => {
    expect(Object.isFrozen(AI_VENDOR_CATALOG)).toBe(true);
    for (const entry of AI_VENDOR_CATALOG) {
      expect(Object.isFrozen(entry)).toBe(true);
      expect(Object.isFrozen(entry.merchantPatterns)).toBe(true);
    }
  });
});

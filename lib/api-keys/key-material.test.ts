import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, looksLikeApiKey, visiblePrefix } from "./key-material";

describe("API key material", () => {
  it("makes long random keys with a visible prefix", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).toMatch(/^mk_[0-9A-Za-z]{40}$/);
    expect(a).not.toBe(b);
    expect(visiblePrefix(a)).toBe(a.slice(0, 11));
    expect(looksLikeApiKey(a)).toBe(true);
  });

  it("hashes deterministically with SHA-256", () => {
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashApiKey("mk_test")).not.toBe(hashApiKey("mk_tesu"));
  });

  it("rejects strings that are not keys before any lookup", () => {
    expect(looksLikeApiKey("Bearer")).toBe(false);
    expect(looksLikeApiKey("sk-openai-key-000000000000")).toBe(false);
    expect(looksLikeApiKey("mk_short")).toBe(false);
  });
});

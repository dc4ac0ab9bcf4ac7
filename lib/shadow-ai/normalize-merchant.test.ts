import { describe, expect, it } from "vitest";
import { normalizeMerchant } from "./normalize-merchant";

describe("normalizeMerchant", () => {
  it.each([
    ["OPENAI *CHATGPT SUBSCR 8004378901 CA", "OPENAI CHATGPT", null],
    ["openai *chatgpt subscr   HTTPSOPENAI.C CA", "OPENAI CHATGPT", null],
    ["SQ *ANTHROPIC", "ANTHROPIC", "square"],
    ["SQ*ANTHROPIC", "ANTHROPIC", "square"],
    ["PAYPAL *MIDJOURNEY 4029357733", "MIDJOURNEY", "paypal"],
    ["PP*MIDJOURNEY INC", "MIDJOURNEY", "paypal"],
    ["TST* CLAUDES BAKERY", "CLAUDES BAKERY", "toast"],
    ["SP * GAMMA.APP", "GAMMA APP", "shopify"],
    ["STRIPE*ELEVENLABS.IO", "ELEVENLABS", "stripe"],
    ["CKO*DEEPL SE", "DEEPL", "checkout_com"],
    ["FS *TABNINE.COM", "TABNINE", "fastspring"],
    ["DRI*JETBRAINS AI", "JETBRAINS AI", "digital_river"],
    ["2CO.COM*HEYGEN", "HEYGEN", "2checkout"],
    ["PADDLE.NET* DESCRIPT", "DESCRIPT", "paddle"],
    ["PAYPAL *SQ *REPLIT", "REPLIT", "paypal"],
    ["APPLE.COM/BILL 866-712-7753 CA", "", "apple"],
    ["CLAUDE.AI SUBSCRIPTION", "CLAUDE AI", null],
    ["Claude's Bakery", "CLAUDES BAKERY", null],
    ["ANTHROPIC SAN FRANCISCO CA", "ANTHROPIC", null],
    ["ANTHROPIC, PBC  SAN FRANCISCO CA 94107 USA", "ANTHROPIC", null],
    ["CURSOR, AI POWERED IDE", "CURSOR AI POWERED IDE", null],
    ["Café Crème", "CAFE CREME", null],
    ["TL;DV MONTHLY", "TL DV", null],
    ["GOOGLE *GEMINI G.CO/HELPPAY#", "GOOGLE GEMINI", null],
    ["MSFT * E0400PQRS7 REDMOND WA", "MSFT", null],
    ["OPENAI LLC REF#A1B2C3D4E5", "OPENAI", null],
  ])("%s → %s", (text, cleaned, processor) => {
    const result = normalizeMerchant(text);
    expect(result.cleaned).toBe(cleaned);
    expect(result.tokens.join(" ")).toBe(cleaned);
    expect(result.processor).toBe(processor);
  });

  it("keeps every word in rawTokens for second signals", () => {
    expect(normalizeMerchant("POE.COM").rawTokens).toEqual(["POE", "COM"]);
    expect(normalizeMerchant("POE.COM").tokens).toEqual(["POE"]);
  });

  it("never strips a lone merchant word as a place", () => {
    expect(normalizeMerchant("CA").cleaned).toBe("CA");
  });

  it("handles empty and symbol-only text", () => {
    expect(normalizeMerchant("").tokens).toEqual([]);
    expect(normalizeMerchant(" *** #### ").cleaned).toBe("");
  });
});

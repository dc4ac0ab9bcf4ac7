import { describe, expect, it } from "vitest";
import { pdfText } from "./pdf-text";

describe("pdfText", () => {
  it("keeps Windows-1252 characters and spells or replaces the rest", () => {
    expect(pdfText("Q4 2026 · 50–60% — café × 3 €")).toBe("Q4 2026 · 50–60% — café × 3 €");
    expect(pdfText("z ≥ 5 → alert, −3")).toBe("z >= 5 -> alert, -3");
    expect(pdfText("東京 team")).toBe("?? team");
    expect(pdfText("a\tb")).toBe("a?b");
  });
});

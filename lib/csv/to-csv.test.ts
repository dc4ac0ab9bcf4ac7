import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it("writes a header and rows with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", 2]])).toBe("a,b\r\n1,2\r\n");
  });

  it("quotes commas, quotes and new lines", () => {
    expect(toCsv(["x"], [['say "hi", then\nleave']])).toBe('x\r\n"say ""hi"", then\nleave"\r\n');
  });

  it("leaves empty cells for null and undefined and writes dates as ISO", () => {
    expect(toCsv(["a", "b", "c"], [[null, undefined, new Date("2026-01-02T03:04:05Z")]])).toBe("a,b,c\r\n,,2026-01-02T03:04:05.000Z\r\n");
  });

  it("neutralises formulas but keeps negative numbers", () => {
    expect(toCsv(["a", "b"], [["=SUM(A1)", "-12.5"]])).toBe("a,b\r\n'=SUM(A1),-12.5\r\n");
  });
});

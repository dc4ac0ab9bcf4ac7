import { describe, expect, it } from "vitest";
import { formatChange, formatChangePct, formatSignedUsd, moveSlide, slideKeyAction, weekPhrase } from "./present-review";

describe("presentation keys", () => {
  it("maps the keys SPEC 8's presentation mode uses", () => {
    expect(["ArrowRight", "PageDown", " "].map(slideKeyAction)).toEqual(["next", "next", "next"]);
    expect(["ArrowLeft", "PageUp"].map(slideKeyAction)).toEqual(["previous", "previous"]);
    expect([slideKeyAction("Home"), slideKeyAction("End"), slideKeyAction("Escape"), slideKeyAction("a")]).toEqual(["first", "last", "exit", null]);
  });

  it("moves within the deck without wrapping", () => {
    expect(moveSlide(0, "next", 6)).toBe(1);
    expect(moveSlide(5, "next", 6)).toBe(5);
    expect(moveSlide(0, "previous", 6)).toBe(0);
    expect(moveSlide(3, "first", 6)).toBe(0);
    expect(moveSlide(1, "last", 6)).toBe(5);
    expect(moveSlide(0, "next", 0)).toBe(0);
  });
});

describe("change formatting", () => {
  it("signs amounts and percents", () => {
    expect(formatSignedUsd("2.5000000000")).toBe("+$2.50");
    expect(formatSignedUsd("-2.0000000000")).toBe("−$2.00");
    expect(formatSignedUsd("0.0000000000")).toBe("$0.00");
    expect(formatSignedUsd("1234.5")).toBe("+$1,235");
    expect(formatChangePct(20)).toBe("+20%");
    expect(formatChangePct(-33.33)).toBe("−33.3%");
    expect(formatChangePct(174.6)).toBe("+175%");
    expect(formatChangePct(null)).toBe("new");
    expect(formatChange("2.5", 20, false)).toBe("+$2.50 (+20%)");
    expect(formatChange("4", null, true)).toBe("new");
  });

  it("names a week", () => {
    expect(weekPhrase("2026-W07")).toBe("week 7 of 2026");
  });
});

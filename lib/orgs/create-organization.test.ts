import { describe, expect, it } from "vitest";
import { slugify } from "./create-organization";

describe("slugify", () => {
  it("makes URL-safe slugs from names", () => {
    expect(slugify("Acme Analytics, Inc.")).toBe("acme-analytics-inc");
    expect(slugify("Café Zürich")).toBe("cafe-zurich");
    expect(slugify("  --  ")).toBe("org");
    expect(slugify("x".repeat(100))).toHaveLength(40);
  });
});

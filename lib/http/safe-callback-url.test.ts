import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackUrl("/o/demo/settings/api-keys")).toBe("/o/demo/settings/api-keys");
  });

  it("refuses other sites and empty values", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "", null, undefined]) {
      expect(safeCallbackUrl(value)).toBe("/");
    }
  });
});

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature";

describe("webhook signatures (SPEC 5: X-Marginal-Signature)", () => {
  const body = '{"id":"6f1c","level":"red"}';

  it("is sha256= and the hex HMAC-SHA256 of the raw body with the channel's secret", () => {
    const expected = createHmac("sha256", "s3cret-key").update(body).digest("hex");
    expect(signBody(body, "s3cret-key")).toBe(`sha256=${expected}`);
    // The RFC 4231 test case 2 vector, so the scheme matches any HMAC-SHA256 implementation.
    expect(signBody("what do ya want for nothing?", "Jefe")).toBe("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("verifies the right signature and refuses a changed body, another secret, a truncated or missing header", () => {
    const header = signBody(body, "s3cret-key");
    expect(verifySignature(body, "s3cret-key", header)).toBe(true);
    expect(verifySignature(Buffer.from(body), "s3cret-key", header)).toBe(true);
    expect(verifySignature(body.replace("red", "green"), "s3cret-key", header)).toBe(false);
    expect(verifySignature(body, "other-key", header)).toBe(false);
    expect(verifySignature(body, "s3cret-key", header.slice(0, -1))).toBe(false);
    expect(verifySignature(body, "s3cret-key", header.replace("sha256=", "sha1="))).toBe(false);
    expect(verifySignature(body, "s3cret-key", null)).toBe(false);
    expect(verifySignature(body, "s3cret-key", "")).toBe(false);
  });
});

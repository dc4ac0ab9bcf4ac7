import { createHmac, timingSafeEqual } from "node:crypto";

/** The `X-Marginal-Signature` value for a raw body: `sha256=<hex HMAC-SHA256 of the body with the secret>` (SPEC 5). */
export function signBody(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Whether a received signature header matches the raw body, compared in constant time. */
export function verifySignature(body: string | Uint8Array, secret: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

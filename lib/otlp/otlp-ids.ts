const HEX = /^[0-9a-f]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A trace or span id as lower-case hex, or null when it is not a valid id of `bytes` bytes.
 * OTLP JSON uses case-insensitive hex; plain proto3 JSON encoders send base64 instead, so that
 * is accepted too (the lengths never collide: 32/16 hex characters vs 24/12 base64).
 */
export function normalizeOtlpId(raw: string | null | undefined, bytes: 16 | 8): string | null {
  if (!raw) return null;
  const value = raw.trim();
  let hex: string | null = null;
  if (value.length === bytes * 2 && HEX.test(value.toLowerCase())) hex = value.toLowerCase();
  else if (value.length === Math.ceil(bytes / 3) * 4 && BASE64.test(value)) {
    const decoded = Buffer.from(value, "base64");
    if (decoded.length === bytes) hex = decoded.toString("hex");
  }
  // An all-zero id is OTLP's "invalid id".
  return hex && /[1-9a-f]/.test(hex) ? hex : null;
}

/** Raw id bytes as lower-case hex (the protobuf encoding carries ids as bytes). */
export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

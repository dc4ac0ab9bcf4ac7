import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "mk_";
const VISIBLE_LENGTH = KEY_PREFIX.length + 8;

/** A new random API key: `mk_` and 40 base62 characters (about 238 bits). */
export function generateApiKey(): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const bytes = randomBytes(40);
  // 256 is not a multiple of 62, but the bias of one byte modulo 62 is below 2% per character
  // and the key keeps far more entropy than it needs.
  return KEY_PREFIX + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** The SHA-256 of a key; keys are long random strings, so a fast hash cannot be brute-forced. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The part of a key that is stored in clear and shown, so people can tell keys apart. */
export function visiblePrefix(key: string): string {
  return key.slice(0, VISIBLE_LENGTH);
}

/** Whether a string has the shape of one of our keys (cheap check before any database work). */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length >= VISIBLE_LENGTH + 8 && value.length <= 200;
}

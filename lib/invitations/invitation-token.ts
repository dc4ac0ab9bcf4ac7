import { createHash, randomBytes } from "node:crypto";

/** A new invitation token for the link; only its hash is stored. */
export function generateInvitationToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The stored form of an invitation token. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

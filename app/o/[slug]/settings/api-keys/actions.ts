"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { runOrgAction } from "@/lib/http/with-action";

/** Creates a key; the secret comes back once, in this response only. */
export async function createApiKeyAction(orgSlug: string, input: CreateApiKeyInput) {
  const result = await runOrgAction(orgSlug, (ctx) => createApiKey(ctx, input));
  revalidatePath(`/o/${orgSlug}/settings/api-keys`);
  return result;
}

/** Revokes a key. */
export async function revokeApiKeyAction(orgSlug: string, id: string) {
  const result = await runOrgAction(orgSlug, (ctx) => revokeApiKey(ctx, id));
  revalidatePath(`/o/${orgSlug}/settings/api-keys`);
  return result;
}

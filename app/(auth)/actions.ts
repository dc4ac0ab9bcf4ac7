"use server";

import { runPublicAction } from "@/lib/http/with-action";
import { signUp } from "@/lib/orgs/sign-up";
import type { SignUpInput } from "@/lib/orgs/schemas";

/** Creates an account (and an organization, or joins the inviting one). */
export async function signUpAction(input: SignUpInput) {
  return runPublicAction(() => signUp(input));
}

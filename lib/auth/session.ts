import "server-only";
import { getServerSession } from "next-auth";
import { buildAuthOptions } from "./auth-options";

/** The signed-in person's user id, or null. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(buildAuthOptions());
  return session?.user?.id ?? null;
}

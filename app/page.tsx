import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/session";
import { ACTIVE_ORG_COOKIE } from "@/lib/http/active-org";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";

/** Sends people to the organization they last worked in, to create one, or to sign in. */
export default async function HomePage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin");
  const orgs = await listMyOrganizations(userId);
  if (orgs.length === 0) redirect("/onboarding");
  const remembered = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  redirect(`/o/${orgs.find((o) => o.slug === remembered)?.slug ?? orgs[0].slug}`);
}

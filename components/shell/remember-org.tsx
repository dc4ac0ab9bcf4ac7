"use client";

import { useEffect } from "react";
import { ACTIVE_ORG_COOKIE } from "@/lib/http/active-org";

/** Remembers the open organization, so "/" and session API calls land in it next time. */
export function RememberOrg({ slug }: { slug: string }) {
  useEffect(() => {
    document.cookie = `${ACTIVE_ORG_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=31536000; samesite=lax`;
  }, [slug]);
  return null;
}

import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";

/**
 * Gives every page its own script nonce. The policy goes on the request too, because that is where
 * Next.js reads the nonce to put on the scripts it renders; the root layout renders dynamically so
 * no page is served from a build-time copy without one. The other security headers are static
 * (next.config.js).
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(createNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API answers get the static policy from next.config.js, and build assets need none.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};

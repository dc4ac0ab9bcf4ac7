/**
 * The content security policy of a page, with this response's nonce. Scripts run only when they
 * carry the nonce (Next.js puts it on its own boot and streaming scripts when it finds the policy
 * on the request) or are loaded by one that does ('strict-dynamic'), so an injected <script> or
 * inline handler does not run. Styles stay 'unsafe-inline': React and Recharts set style
 * attributes, which a nonce cannot cover, and styles cannot run code. `next dev` needs eval for
 * fast refresh.
 */
export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

// Pages get a policy with a per-request script nonce from proxy.ts; everything else (API answers,
// files) gets this one, which allows no script and no framing at all.
const staticContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // Browsers obey HSTS only on HTTPS responses, so it takes effect exactly when Marginal is served
  // behind TLS and is ignored on plain-HTTP development and test servers.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time,
  // so it must stay an external require rather than be bundled.
  // pdfkit likewise reads its standard fonts' AFM files from its package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "nodemailer", "pdfkit"],
  poweredByHeader: false,
  // CSV imports go through server actions; 5 MB files (SPEC 2.1's limit) plus form overhead.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The same pattern as proxy.ts's matcher, inverted: what the proxy does not give a policy.
      { source: "/:path((?:api/|_next/static|_next/image|favicon.ico).*)", headers: [{ key: "Content-Security-Policy", value: staticContentSecurityPolicy }] },
    ];
  },
};

module.exports = nextConfig;

// Inline scripts and styles stay allowed: Next.js inlines its boot scripts and Recharts sets style
// attributes; what the policy buys is no third-party script, no framing (clickjacking), no plugins
// and no <base> tricks. `next dev` also needs eval for React's fast refresh.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
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
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;

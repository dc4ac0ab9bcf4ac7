/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time,
  // so it must stay an external require rather than be bundled.
  // pdfkit likewise reads its standard fonts' AFM files from its package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "nodemailer", "pdfkit"],
  poweredByHeader: false,
  // CSV imports go through server actions; 5 MB files (SPEC 2.1's limit) plus form overhead.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

module.exports = nextConfig;

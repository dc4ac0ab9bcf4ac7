import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate`; migrations are applied by scripts/db
// (see lib/db/README.md), and `prisma migrate deploy` reads this same folder elsewhere.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/marginal" },
});

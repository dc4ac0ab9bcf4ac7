import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
// Tests run webhook receivers on 127.0.0.1; the SSRF guard's own tests switch this off.
const env = { MARGINAL_WEBHOOK_ALLOW_PRIVATE: "1" };
const include = ["lib/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"];

// Every test runs on embedded PGlite ("unit"); tests that touch the database (`*.db.test.ts`)
// run again on a real PostgreSQL server ("integration") when TEST_DATABASE_URL is set.
export default defineConfig({
  resolve: {
    alias: { "@": root, "server-only": path.join(root, "lib/test/empty-module.ts") },
  },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include, env: { ...env, MARGINAL_TEST_DB: "pglite" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true, test: { name: "integration", include: ["lib/**/*.db.test.ts", "prisma/**/*.db.test.ts"], env: { ...env, MARGINAL_TEST_DB: "postgres" } } }]
        : []),
    ],
  },
});

import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ["node_modules/**", ".next/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  { rules: { "no-console": ["error", { allow: ["warn", "error"] }] } },
  { files: ["scripts/**", "e2e/**", "prisma/**"], rules: { "no-console": "off" } },
];

export default config;

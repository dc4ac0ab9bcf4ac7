import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", "generated", ".next", ".data"]);
const STAMP = path.join(".next", "marginal-source-hash");

function collect(entry: string, files: string[]): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    if (!/\.test\.tsx?$/.test(entry)) files.push(entry);
    return;
  }
  for (const name of readdirSync(entry).sort()) if (!SKIP.has(name)) collect(path.join(entry, name), files);
}

/** A hash of everything the production build is made from. */
export function hashBuildInputs(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) collect(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export function buildIfStale(): void {
  const current = hashBuildInputs();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) ? readFileSync(STAMP, "utf8") : "";
  if (built === current) {
    console.log("› Build is current; skipping next build");
    return;
  }
  console.log("› Building the app (next build)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(STAMP, current);
}

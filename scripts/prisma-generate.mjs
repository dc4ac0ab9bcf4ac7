// Runs `prisma generate` after install. The CLI only checks that a schema engine binary exists
// before generating (it never runs it), and that binary cannot be downloaded here, so point it
// at a file that exists.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

placeSchemaEngineWasm();

execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});

// lib/db/migrations drives the WebAssembly schema engine through @prisma/migrate, whose loader (in
// @prisma/internals) reads `build/schema_engine_bg.wasm` from its own package folder; the npm
// package lacks that file, which ships in @prisma/schema-engine-wasm. Copying it on every install
// keeps the fix alive across fresh installs without patching any package's code.
function placeSchemaEngineWasm() {
  const require = createRequire(import.meta.url);
  const migrateDir = path.dirname(require.resolve("@prisma/migrate/package.json"));
  const internalsDir = path.dirname(require.resolve("@prisma/internals/package.json", { paths: [migrateDir] }));
  const wasmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm", { paths: [internalsDir] }));
  const source = path.join(wasmDir, "schema_engine_bg.wasm");
  const target = path.join(internalsDir, "build", "schema_engine_bg.wasm");
  if (existsSync(target) && statSync(target).size === statSync(source).size) return;
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
}

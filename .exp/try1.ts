import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngineWasm } from "@prisma/migrate";
import { readFileSync } from "node:fs";

async function main() {
const pg = new PGlite();
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pg));
const schema = readFileSync("prisma/schema.prisma", "utf8");
const engine = await SchemaEngineWasm.setup({ adapter });
const r = await engine.migrateDiff({ from: { tag: "empty" }, to: { tag: "schemaDatamodel", files: [{ path: "prisma/schema.prisma", content: schema }] }, script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
console.error("RESULT", r);
await engine.stop();
await pg.close();
}
main();

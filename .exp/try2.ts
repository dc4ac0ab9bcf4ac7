import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngineWasm } from "@prisma/migrate";

const schema = `datasource db {
  provider = "postgresql"
}
model User {
  id    String @id
  email String @unique
  name  String?
}
`;
async function main() {
const pg = new PGlite();
await pg.exec(`CREATE TABLE "_prisma_migrations" (id varchar(36) primary key); CREATE TABLE "User" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id")); CREATE UNIQUE INDEX "User_email_key" ON "User"("email");`);
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pg));
const engine = await SchemaEngineWasm.setup({ adapter });
const files = [{ path: "schema.prisma", content: schema }];
const f = { externalTables: [], externalEnums: [] };
const eng: any = (engine as any).engine;
console.error("A", await eng.diff({ from: { tag: "schemaDatasource", files, configDir: process.cwd() }, to: { tag: "schemaDatamodel", files }, script: true, exitCode: true, filters: f }));
console.error("B", await eng.diff({ from: { tag: "schemaDatamodel", files }, to: { tag: "schemaDatamodel", files }, script: true, exitCode: true, filters: f }));
console.error("C", await eng.diff({ from: { tag: "schemaDatasource", files, configDir: process.cwd() }, to: { tag: "schemaDatamodel", files }, script: false, exitCode: true, filters: f }));
await engine.stop();
await pg.close();
}
main().catch(e => { console.error("ERR", e); process.exit(1); });

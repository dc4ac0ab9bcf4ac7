// @prisma/migrate 7.10's package.json points "types" at dist/migrate/src/index.d.ts, which the
// published package lacks (its declarations are in dist/src), so TypeScript sees it as untyped.
// Re-expose the one export this folder uses from where the declarations really are.
declare module "@prisma/migrate" {
  export { SchemaEngineWasm } from "@prisma/migrate/dist/src/SchemaEngineWasm";
}

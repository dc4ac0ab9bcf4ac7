import { PGlite } from "@electric-sql/pglite";
async function main() {
  let t = Date.now();
  const a = await PGlite.create(); console.error("create1", Date.now() - t); t = Date.now();
  const b = await PGlite.create(); console.error("create2", Date.now() - t); t = Date.now();
  const c = await (a as any).clone?.(); console.error("clone", Date.now() - t, !!c); t = Date.now();
  const dump = await a.dumpDataDir("none"); console.error("dump", Date.now() - t, dump.size); t = Date.now();
  const d = await PGlite.create({ loadDataDir: dump }); console.error("load", Date.now() - t); t = Date.now();
}
main();

// `npm run pricing:build-catalog [-- --source <file>] [--out <file>] [--generated-at <ISO date>]`:
// rebuilds lib/pricing/catalog.json from LiteLLM's price table, so the app needs nothing outside
// the repository. generatedAt is the build time unless given (or SOURCE_DATE_EPOCH is set), and
// the same input with the same generatedAt always gives the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildPriceCatalog, serializePriceCatalog } from "../lib/pricing/build-catalog";

const root = path.resolve(__dirname, "..");

function resolveGeneratedAt(flag: string | undefined): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = flag ? new Date(flag) : epoch ? new Date(Number(epoch) * 1000) : new Date();
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${flag ?? epoch}`);
  return date;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      source: { type: "string", default: path.resolve(root, "../shared/data/litellm-model-prices.json") },
      out: { type: "string", default: path.resolve(root, "lib/pricing/catalog.json") },
      "generated-at": { type: "string" },
    },
  });
  const sourcePath = path.resolve(values.source);
  const catalog = buildPriceCatalog({
    sourceBytes: readFileSync(sourcePath),
    inputFile: path.relative(root, sourcePath).split(path.sep).join("/"),
    generatedAt: resolveGeneratedAt(values["generated-at"]),
  });
  writeFileSync(values.out, serializePriceCatalog(catalog));
  console.log(`Wrote ${path.resolve(values.out)}: ${catalog.counts.entries} of ${catalog.counts.sourceEntries} entries.`);
  console.log(`Source ${catalog.source.repository}@${catalog.source.commit ?? "unknown commit"}, sha256 ${catalog.source.sha256}`);
  for (const [reason, count] of Object.entries(catalog.counts.skipped)) console.log(`  skipped ${count}: ${reason}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

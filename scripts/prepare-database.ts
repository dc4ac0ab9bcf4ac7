// The database half of `npm start`, in its own process so that the code and data it loads
// (Prisma, the price catalog, the demo generator) are freed before the server starts: apply
// pending migrations, make sure the start-up organizations exist, load the demo data into an
// empty demo organization, and price unpriced events that a price now covers.
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openSqlTarget } from "@/lib/db/migrations/open-sql-target";

const embedded = !process.env.DATABASE_URL;

async function migrate(): Promise<void> {
  const target = await openSqlTarget(embedded ? { dataDir: process.env.MARGINAL_DATA_DIR } : { databaseUrl: process.env.DATABASE_URL });
  try {
    const applied = await applyMigrations(target, path.resolve("prisma", "migrations"));
    console.log(applied.length ? `› Applied migrations: ${applied.join(", ")}` : `› Database is up to date (${target.label})`);
  } finally {
    await target.close();
  }
}

async function ensureOrganizations(): Promise<void> {
  // Imported after migrating: these open the app's own database connection.
  const { ensureDemoOrganization, ensureInitialOrganization } = await import("@/lib/setup/start-up-organizations");
  const { priceUnpricedEvents } = await import("@/lib/price-overrides/price-unpriced-events");
  const { db, getConnection } = await import("@/lib/db");
  try {
    const initial = await ensureInitialOrganization();
    const demo = embedded || process.env.MARGINAL_DEMO === "1" ? await ensureDemoOrganization() : null;
    for (const result of [initial, demo]) {
      if (!result) continue;
      for (const line of result.created) console.log(`› Created ${line}`);
      for (const line of result.warnings) console.warn(`! ${line}`);
    }
    // A demo organization without events (just created, or emptied) gets its 90 days of data.
    if (demo) {
      const { loadDemoDataIfEmpty } = await import("@/prisma/demo/load-demo-data");
      const loaded = await loadDemoDataIfEmpty(demo.orgId, { now: new Date() }, () => console.log("› Loading the demo organization's 90 days of data…"));
      if (loaded) {
        console.log(`› Loaded demo data: ${loaded.events.toLocaleString("en-US")} events, ${loaded.outcomes.toLocaleString("en-US")} run outcomes, ${loaded.revenue} revenue rows in ${(loaded.ms / 1000).toFixed(1)} s`);
      }
      // One budget of each colour and the runaway agent's workflow cap, sized from its own spend.
      const { ensureDemoBudgets } = await import("@/lib/budgets/demo-budgets");
      const { systemContext } = await import("@/lib/setup/system-context");
      const org = await db.organization.findUniqueOrThrow({ where: { id: demo.orgId } });
      const budgets = await ensureDemoBudgets(systemContext(org, "system (demo)"));
      if (budgets > 0) console.log(`› Created ${budgets} demo budgets`);
      // Revenue sized from each feature's own cost, so the Margins page shows healthy, thin and flagged features.
      const { ensureDemoRevenue } = await import("@/lib/margins/demo-revenue");
      const revenueRows = await ensureDemoRevenue(systemContext(org, "system (demo)"));
      if (revenueRows > 0) console.log(`› Sized ${revenueRows} demo revenue rows`);
      // Shadow AI: sanctioned tools, subscriptions, card expenses and vendor bills with findings of every kind.
      const { ensureDemoShadowAi } = await import("@/lib/shadow-ai/demo-shadow-ai");
      const shadow = await ensureDemoShadowAi(systemContext(org, "system (demo)"));
      if (shadow) console.log(`› Imported the demo Shadow AI files: ${shadow.files.map((f) => `${f.fileName} (${f.accepted} rows)`).join(", ")}`);
    }
    const priced = await priceUnpricedEvents();
    if (priced.events > 0) console.log(`› Priced ${priced.events.toLocaleString("en-US")} previously unpriced events`);
  } finally {
    // PGlite allows one process per data folder: release it before the server opens it.
    await getConnection().close();
  }
}

async function main(): Promise<void> {
  await migrate();
  await ensureOrganizations();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

-- CreateTable
CREATE TABLE "CostRollupDaily" (
    "orgId" TEXT NOT NULL,
    "day" TIMESTAMPTZ(0) NOT NULL,
    "feature" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "workflow" TEXT NOT NULL,
    "events" BIGINT NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "cachedInputTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
    "reasoningTokens" BIGINT NOT NULL DEFAULT 0,
    "unpricedEvents" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "CostRollupDaily_pkey" PRIMARY KEY ("orgId","day","feature","team","customer","environment","provider","model","workflow")
);

-- Existing organizations: their days are sums of their local hours.
INSERT INTO "CostRollupDaily" ("orgId", "day", "feature", "team", "customer", "environment", "provider", "model", "workflow",
  "events", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "unpricedEvents", "costUsd")
SELECT r."orgId", date_trunc('day', r."hour", o."timeZone"), r."feature", r."team", r."customer", r."environment", r."provider", r."model", r."workflow",
  sum(r."events"), sum(r."inputTokens"), sum(r."outputTokens"), sum(r."cachedInputTokens"), sum(r."cacheWriteTokens"), sum(r."reasoningTokens"),
  sum(r."unpricedEvents"), sum(r."costUsd")
FROM "CostRollupHourly" r JOIN "Organization" o ON o."id" = r."orgId"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

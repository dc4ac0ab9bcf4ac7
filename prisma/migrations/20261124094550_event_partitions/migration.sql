-- Raw events become a table partitioned by UTC month on "timestamp" (lib/partitions/README.md).
-- PostgreSQL wants the partition column in every unique key of a partitioned table, so the
-- (orgId, id) uniqueness that makes a re-sent event a duplicate moves to "EventKey", unpartitioned.
-- The partitions live in their own schema, out of the datasource's sight (Prisma's diff and client).
-- Existing rows are kept as they are: each month present gets its partition and the rows move over.

CREATE SCHEMA IF NOT EXISTS "event_partitions";

-- The old table keeps its rows until they are copied; its constraint and index names are freed first.
ALTER TABLE "Event" RENAME TO "Event_unpartitioned";
ALTER TABLE "Event_unpartitioned" DROP CONSTRAINT "Event_pkey";
DROP INDEX "Event_timestamp_idx";
DROP INDEX "Event_orgId_runId_idx";

-- CreateTable
CREATE TABLE "Event" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "operation" TEXT NOT NULL DEFAULT 'chat',
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "cachedInputTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
    "reasoningTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(20,10) NOT NULL,
    "costSource" TEXT NOT NULL,
    "latencyMs" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "feature" TEXT,
    "team" TEXT,
    "customer" TEXT,
    "environment" TEXT,
    "workflow" TEXT,
    "runId" TEXT,
    "step" TEXT,
    "user" TEXT,
    "tags" JSONB,
    "priceKey" TEXT,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("orgId","id","timestamp")
) PARTITION BY RANGE ("timestamp");

-- CreateIndex
CREATE INDEX "Event_timestamp_idx" ON "Event" USING BRIN ("timestamp");

-- CreateIndex
CREATE INDEX "Event_orgId_runId_idx" ON "Event"("orgId", "runId");

-- CreateTable
CREATE TABLE "EventKey" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventKey_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateIndex
CREATE INDEX "EventKey_timestamp_idx" ON "EventKey" USING BRIN ("timestamp");

-- One partition per UTC month that has events, named as lib/partitions/event-months.ts names them.
-- Month arithmetic on timestamps without a zone, so the session's time zone cannot shift a bound.
DO $$
DECLARE
  month_start timestamp;
BEGIN
  FOR month_start IN SELECT DISTINCT date_trunc('month', "timestamp" AT TIME ZONE 'UTC') FROM "Event_unpartitioned" LOOP
    EXECUTE format(
      'CREATE TABLE "event_partitions".%I PARTITION OF "Event" FOR VALUES FROM (%L) TO (%L)',
      'Event_' || to_char(month_start, 'YYYY_MM'),
      to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
      to_char(month_start + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00'
    );
  END LOOP;
END $$;

INSERT INTO "Event" ("orgId", "id", "timestamp", "receivedAt", "provider", "model", "operation", "inputTokens", "outputTokens",
  "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "costUsd", "costSource", "latencyMs", "status", "feature", "team",
  "customer", "environment", "workflow", "runId", "step", "user", "tags", "priceKey")
SELECT "orgId", "id", "timestamp", "receivedAt", "provider", "model", "operation", "inputTokens", "outputTokens",
  "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "costUsd", "costSource", "latencyMs", "status", "feature", "team",
  "customer", "environment", "workflow", "runId", "step", "user", "tags", "priceKey"
FROM "Event_unpartitioned";

INSERT INTO "EventKey" ("orgId", "id", "timestamp") SELECT "orgId", "id", "timestamp" FROM "Event_unpartitioned";

DROP TABLE "Event_unpartitioned";

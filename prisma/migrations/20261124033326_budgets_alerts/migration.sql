-- CreateTable
CREATE TABLE "Budget" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scopeDimension" TEXT NOT NULL,
    "scopeValue" TEXT NOT NULL DEFAULT '',
    "period" TEXT NOT NULL,
    "amountUsd" DECIMAL(20,10) NOT NULL,
    "yellowPct" DECIMAL(7,2) NOT NULL DEFAULT 80,
    "redPct" DECIMAL(7,2) NOT NULL DEFAULT 100,
    "workflowCapPct" DECIMAL(7,2) NOT NULL DEFAULT 20,
    "channels" JSONB NOT NULL DEFAULT '[]',
    "level" TEXT NOT NULL DEFAULT 'green',
    "spendUsd" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "forecastUsd" DECIMAL(24,10),
    "reason" TEXT NOT NULL DEFAULT '',
    "drivers" JSONB NOT NULL DEFAULT '[]',
    "periodStart" TIMESTAMPTZ(3),
    "evaluatedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'budget',
    "budgetId" TEXT,
    "title" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "previousLevel" TEXT,
    "spendUsd" DECIMAL(24,10),
    "amountUsd" DECIMAL(20,10),
    "forecastUsd" DECIMAL(24,10),
    "reason" TEXT NOT NULL,
    "details" JSONB,
    "periodStart" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" TEXT,
    "acknowledgedBy" TEXT,
    "note" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "channel" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "AlertDeliveryAttempt" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,

    CONSTRAINT "AlertDeliveryAttempt_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateIndex
CREATE INDEX "Alert_orgId_createdAt_idx" ON "Alert"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_orgId_budgetId_createdAt_idx" ON "Alert"("orgId", "budgetId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AlertDelivery_orgId_alertId_idx" ON "AlertDelivery"("orgId", "alertId");

-- CreateIndex
CREATE INDEX "AlertDelivery_orgId_status_nextAttemptAt_idx" ON "AlertDelivery"("orgId", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AlertDeliveryAttempt_orgId_deliveryId_idx" ON "AlertDeliveryAttempt"("orgId", "deliveryId");

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDeliveryAttempt" ADD CONSTRAINT "AlertDeliveryAttempt_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

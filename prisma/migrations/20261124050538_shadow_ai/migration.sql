-- CreateTable
CREATE TABLE "ImportBatch" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT,
    "rows" INTEGER NOT NULL,
    "totalUsd" DECIMAL(24,10) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "ExpenseTransaction" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowHash" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "employee" TEXT,
    "email" TEXT,
    "merchant" TEXT NOT NULL,
    "description" TEXT,
    "amountUsd" DECIMAL(20,10) NOT NULL,
    "currency" TEXT NOT NULL,
    "costCenter" TEXT,
    "vendorId" TEXT,
    "product" TEXT,
    "category" TEXT,
    "apiProvider" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ExpenseTransaction_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "BilledCost" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowHash" TEXT NOT NULL,
    "rowRef" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "month" TEXT NOT NULL,
    "project" TEXT,
    "apiKeyId" TEXT,
    "model" TEXT,
    "lineItem" TEXT,
    "amountUsd" DECIMAL(20,10) NOT NULL,

    CONSTRAINT "BilledCost_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "SanctionedTool" (
    "orgId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "note" TEXT,
    "licenses" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SanctionedTool_pkey" PRIMARY KEY ("orgId","vendorId")
);

-- CreateTable
CREATE TABLE "Finding" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "totalUsd" DECIMAL(24,10) NOT NULL,
    "monthlyUsd" JSONB NOT NULL,
    "people" JSONB NOT NULL,
    "firstSeen" TIMESTAMP(3),
    "lastSeen" TIMESTAMP(3),
    "evidence" JSONB NOT NULL,
    "owner" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_orgId_createdAt_idx" ON "ImportBatch"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ExpenseTransaction_orgId_importId_idx" ON "ExpenseTransaction"("orgId", "importId");

-- CreateIndex
CREATE INDEX "ExpenseTransaction_orgId_vendorId_idx" ON "ExpenseTransaction"("orgId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseTransaction_orgId_rowHash_key" ON "ExpenseTransaction"("orgId", "rowHash");

-- CreateIndex
CREATE INDEX "BilledCost_orgId_importId_idx" ON "BilledCost"("orgId", "importId");

-- CreateIndex
CREATE INDEX "BilledCost_orgId_vendor_month_idx" ON "BilledCost"("orgId", "vendor", "month");

-- CreateIndex
CREATE UNIQUE INDEX "BilledCost_orgId_rowHash_key" ON "BilledCost"("orgId", "rowHash");

-- CreateIndex
CREATE INDEX "Finding_orgId_status_idx" ON "Finding"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_orgId_key_key" ON "Finding"("orgId", "key");

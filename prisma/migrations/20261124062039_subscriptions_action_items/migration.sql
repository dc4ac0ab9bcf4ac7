-- CreateTable
CREATE TABLE "SaasSubscription" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowHash" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "vendorName" TEXT NOT NULL,
    "plan" TEXT,
    "owner" TEXT,
    "email" TEXT,
    "seats" INTEGER,
    "amountUsd" DECIMAL(20,10) NOT NULL,
    "billingCycle" TEXT NOT NULL,
    "startDate" DATE,
    "renewalDate" DATE,
    "costCenter" TEXT,
    "vendorId" TEXT,
    "product" TEXT,
    "category" TEXT,
    "apiProvider" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SaasSubscription_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "orgId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT,
    "dueDate" DATE,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "source" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("orgId","id")
);

-- CreateIndex
CREATE INDEX "SaasSubscription_orgId_importId_idx" ON "SaasSubscription"("orgId", "importId");

-- CreateIndex
CREATE INDEX "SaasSubscription_orgId_vendorId_idx" ON "SaasSubscription"("orgId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "SaasSubscription_orgId_rowHash_key" ON "SaasSubscription"("orgId", "rowHash");

-- CreateIndex
CREATE INDEX "ActionItem_orgId_status_idx" ON "ActionItem"("orgId", "status");

-- CreateIndex
CREATE INDEX "ActionItem_orgId_weekStart_idx" ON "ActionItem"("orgId", "weekStart");

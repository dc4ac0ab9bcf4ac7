-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "priceKey" TEXT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "errors" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "startedAt" DROP NOT NULL,
ALTER COLUMN "endedAt" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Revenue" (
    "orgId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "feature" TEXT NOT NULL,
    "customer" TEXT NOT NULL DEFAULT '',
    "amountUsd" DECIMAL(20,10) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Revenue_pkey" PRIMARY KEY ("orgId","month","feature","customer")
);

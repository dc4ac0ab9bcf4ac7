-- DropIndex
DROP INDEX "Event_orgId_timestamp_idx";

-- CreateIndex
CREATE INDEX "Event_timestamp_idx" ON "Event" USING BRIN ("timestamp");

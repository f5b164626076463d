-- DropIndex
DROP INDEX "ComplianceRequest_shop_idx";

-- AlterTable
ALTER TABLE "ComplianceRequest" ADD COLUMN     "customerKey" TEXT,
ADD COLUMN     "dataRequestId" TEXT;

-- CreateIndex
CREATE INDEX "ComplianceRequest_shop_topic_idx" ON "ComplianceRequest"("shop", "topic");


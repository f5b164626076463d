-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "scopesChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "eventId" TEXT;

-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN     "exchangeTrackingAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_topic_eventId_key" ON "WebhookDelivery"("shop", "topic", "eventId");

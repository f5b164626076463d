ALTER TABLE "WebhookDelivery" ADD COLUMN "triggeredAt" DATETIME;

ALTER TABLE "WebhookDelivery" ADD COLUMN "triggeredAt" TIMESTAMP(3);

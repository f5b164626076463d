-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "returnReasonIds" TEXT;
ALTER TABLE "Shop" ADD COLUMN "returnReasonsAt" DATETIME;

-- CreateTable
CREATE TABLE "ReturnLabel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnLabel_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReturnRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "status" TEXT NOT NULL,
    "shopifyReturnId" TEXT,
    "resolution" TEXT NOT NULL,
    "exchangeVariantId" TEXT,
    "policyVersion" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "respondBy" DATETIME NOT NULL,
    "autoApproved" BOOLEAN NOT NULL DEFAULT false,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "declineReason" TEXT,
    "decisionNote" TEXT,
    "overrideReason" TEXT,
    "syncAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextSyncAt" DATETIME,
    "lastSyncError" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "pendingStep" TEXT,
    "stepStartedAt" DATETIME,
    "keepItems" BOOLEAN NOT NULL DEFAULT false,
    "reverseFulfillmentOrderId" TEXT,
    "reverseDeliveryId" TEXT,
    "labelUrl" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "carrierName" TEXT,
    "receivedAt" DATETIME,
    "inspectionNote" TEXT,
    "settlement" TEXT,
    "settlementReason" TEXT,
    "refundId" TEXT,
    "bonusTransactionId" TEXT,
    "processedAt" DATETIME,
    "closedAt" DATETIME,
    "exchangeVariantTitle" TEXT,
    "exchangeLineItemId" TEXT,
    "exchangeTrackingNumber" TEXT,
    "exchangeTrackingUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ReturnRequest" ("autoApproved", "createdAt", "customerEmail", "customerId", "decidedAt", "decidedBy", "decisionNote", "declineReason", "exchangeVariantId", "id", "idempotencyKey", "lastSyncError", "nextSyncAt", "orderId", "orderName", "overrideReason", "policyVersion", "quote", "reference", "resolution", "respondBy", "rules", "shop", "shopifyReturnId", "status", "syncAttempts", "updatedAt") SELECT "autoApproved", "createdAt", "customerEmail", "customerId", "decidedAt", "decidedBy", "decisionNote", "declineReason", "exchangeVariantId", "id", "idempotencyKey", "lastSyncError", "nextSyncAt", "orderId", "orderName", "overrideReason", "policyVersion", "quote", "reference", "resolution", "respondBy", "rules", "shop", "shopifyReturnId", "status", "syncAttempts", "updatedAt" FROM "ReturnRequest";
DROP TABLE "ReturnRequest";
ALTER TABLE "new_ReturnRequest" RENAME TO "ReturnRequest";
CREATE INDEX "ReturnRequest_shop_status_respondBy_idx" ON "ReturnRequest"("shop", "status", "respondBy");
CREATE INDEX "ReturnRequest_shop_orderId_idx" ON "ReturnRequest"("shop", "orderId");
CREATE INDEX "ReturnRequest_shop_pendingStep_nextSyncAt_idx" ON "ReturnRequest"("shop", "pendingStep", "nextSyncAt");
CREATE UNIQUE INDEX "ReturnRequest_shop_idempotencyKey_key" ON "ReturnRequest"("shop", "idempotencyKey");
CREATE UNIQUE INDEX "ReturnRequest_shop_reference_key" ON "ReturnRequest"("shop", "reference");
CREATE TABLE "new_ReturnRequestItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "sources" TEXT NOT NULL,
    "unitPrice" REAL NOT NULL DEFAULT 0,
    "restocked" INTEGER NOT NULL DEFAULT 0,
    "notRestocked" INTEGER NOT NULL DEFAULT 0,
    "missing" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReturnRequestItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReturnRequestItem" ("id", "lineItemId", "note", "quantity", "reason", "requestId", "sources", "title") SELECT "id", "lineItemId", "note", "quantity", "reason", "requestId", "sources", "title" FROM "ReturnRequestItem";
DROP TABLE "ReturnRequestItem";
ALTER TABLE "new_ReturnRequestItem" RENAME TO "ReturnRequestItem";
CREATE INDEX "ReturnRequestItem_requestId_idx" ON "ReturnRequestItem"("requestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReturnLabel_requestId_idx" ON "ReturnLabel"("requestId");


-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReturnRequest" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnRequestItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "sources" TEXT NOT NULL,
    CONSTRAINT "ReturnRequestItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnPhoto_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detail" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "relatedId" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_shop_kind_version_key" ON "PolicyVersion"("shop", "kind", "version");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_status_respondBy_idx" ON "ReturnRequest"("shop", "status", "respondBy");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_orderId_idx" ON "ReturnRequest"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequest_shop_idempotencyKey_key" ON "ReturnRequest"("shop", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequest_shop_reference_key" ON "ReturnRequest"("shop", "reference");

-- CreateIndex
CREATE INDEX "ReturnRequestItem_requestId_idx" ON "ReturnRequestItem"("requestId");

-- CreateIndex
CREATE INDEX "ReturnPhoto_requestId_idx" ON "ReturnPhoto"("requestId");

-- CreateIndex
CREATE INDEX "ReturnEvent_requestId_at_idx" ON "ReturnEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "OutboxMessage_shop_createdAt_idx" ON "OutboxMessage"("shop", "createdAt");


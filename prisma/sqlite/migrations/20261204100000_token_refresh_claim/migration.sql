-- CreateTable
CREATE TABLE "TokenRefreshClaim" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "claimedUntil" DATETIME NOT NULL
);

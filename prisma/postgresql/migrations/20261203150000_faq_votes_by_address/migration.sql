-- DropIndex
DROP INDEX "FaqVote_shop_article_visitor_key";

-- AlterTable
ALTER TABLE "FaqVote" ADD COLUMN     "voter" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "FaqVote_shop_article_voter_key" ON "FaqVote"("shop", "article", "voter");


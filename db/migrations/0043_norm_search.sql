-- A norm's search documents move to a table of their own (db/schema/norms.ts, normSearch). Every
-- position updates the norm's row (its figures, indexed for the list's sorts), so PostgreSQL adds
-- an entry to every index of `norms` for each position, the unchanged search documents included:
-- a hundred-odd entries in the GIN indexes' pending lists per position, and every few hundred
-- positions a merge of those lists that held the norm's row for tens of milliseconds
-- (docs/performance.md, "The search documents apart"). Here they change only with the text.
CREATE TABLE "norm_search" (
	"norm_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"search" "tsvector" NOT NULL,
	"search_head" "tsvector" DEFAULT ''::tsvector NOT NULL
);
--> statement-breakpoint
INSERT INTO "norm_search" ("norm_id", "title", "search", "search_head") SELECT "id", "title", "search", "search_head" FROM "norms";--> statement-breakpoint
ALTER TABLE "norm_search" ADD CONSTRAINT "norm_search_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
DROP INDEX "norms_search_idx";--> statement-breakpoint
DROP INDEX "norms_public_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "norm_search_search_idx" ON "norm_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "norm_search_title_trgm_idx" ON "norm_search" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "norms" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "norms" DROP COLUMN "search_head";--> statement-breakpoint
-- What a search finds is shown on public pages: a change bumps the generation (migration 0017).
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "norm_search" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "norm_search" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

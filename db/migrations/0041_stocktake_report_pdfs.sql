CREATE TABLE "stocktake_report_pdfs" (
	"revision_id" uuid NOT NULL,
	"language" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"rendered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stocktake_report_pdfs_revision_id_language_pk" PRIMARY KEY("revision_id","language"),
	CONSTRAINT "stocktake_report_pdfs_language_chk" CHECK ("stocktake_report_pdfs"."language" IN ('en', 'ar', 'zh', 'fr', 'ru', 'es')),
	CONSTRAINT "stocktake_report_pdfs_sha256_chk" CHECK ("stocktake_report_pdfs"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "stocktake_report_pdfs" ADD CONSTRAINT "stocktake_report_pdfs_revision_id_stocktake_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."stocktake_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A rendered PDF never changes once stored, as its revision does not: its hash is listed publicly.
CREATE TRIGGER stocktake_report_pdfs_immutable
  BEFORE UPDATE OR DELETE ON stocktake_report_pdfs
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER stocktake_report_pdfs_no_truncate
  BEFORE TRUNCATE ON stocktake_report_pdfs
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
-- The report's page lists each language's PDF: a new one moves the page cache's generation (migration 0017).
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "stocktake_report_pdfs" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "stocktake_report_pdfs" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

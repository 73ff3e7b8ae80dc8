CREATE TABLE "norm_version_translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"clauses" jsonb NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"provided_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "norm_version_translations_language_chk" CHECK ("norm_version_translations"."language" in ('ar', 'zh', 'en', 'fr', 'ru', 'es'))
);
--> statement-breakpoint
ALTER TABLE "norm_version_translations" ADD CONSTRAINT "norm_version_translations_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_version_translations" ADD CONSTRAINT "norm_version_translations_provided_by_id_users_id_fk" FOREIGN KEY ("provided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_version_translations" ADD CONSTRAINT "norm_version_translations_version_fk" FOREIGN KEY ("norm_id","version") REFERENCES "public"."norm_versions"("norm_id","number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "norm_version_translations_key" ON "norm_version_translations" USING btree ("norm_id","version","language");--> statement-breakpoint
CREATE INDEX "norm_version_translations_provided_by_id_idx" ON "norm_version_translations" USING btree ("provided_by_id");--> statement-breakpoint
-- Translations are shown on public pages: a change moves the page cache's generation (migration 0017).
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "norm_version_translations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "norm_version_translations" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

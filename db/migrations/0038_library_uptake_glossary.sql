CREATE TYPE "public"."library_origin" AS ENUM('paper-2015', 'added');--> statement-breakpoint
CREATE TABLE "glossary_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term_slug" text NOT NULL,
	"reference_document_key" text,
	"source" text DEFAULT '' NOT NULL,
	"text" text NOT NULL,
	"locator" text DEFAULT '' NOT NULL,
	"url" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_terms" (
	"slug" text PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "norm_uptakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid,
	"reference_norm_id" text,
	"document" text NOT NULL,
	"forum_id" text,
	"forum" text DEFAULT '' NOT NULL,
	"paragraph" text DEFAULT '' NOT NULL,
	"taken_up_on" date NOT NULL,
	"url" text,
	"parties" text[] DEFAULT '{}' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "norm_uptakes_one_norm" CHECK (num_nonnulls("norm_uptakes"."norm_id", "norm_uptakes"."reference_norm_id") = 1),
	CONSTRAINT "norm_uptakes_url_http" CHECK ("norm_uptakes"."url" is null or "norm_uptakes"."url" ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "source" "library_origin" DEFAULT 'paper-2015' NOT NULL;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "added_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reference_documents" ADD COLUMN "source" "library_origin" DEFAULT 'paper-2015' NOT NULL;--> statement-breakpoint
ALTER TABLE "reference_documents" ADD COLUMN "added_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "glossary_definitions" ADD CONSTRAINT "glossary_definitions_term_slug_glossary_terms_slug_fk" FOREIGN KEY ("term_slug") REFERENCES "public"."glossary_terms"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_definitions" ADD CONSTRAINT "glossary_definitions_reference_document_key_reference_documents_key_fk" FOREIGN KEY ("reference_document_key") REFERENCES "public"."reference_documents"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_uptakes" ADD CONSTRAINT "norm_uptakes_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_uptakes" ADD CONSTRAINT "norm_uptakes_reference_norm_id_reference_norms_id_fk" FOREIGN KEY ("reference_norm_id") REFERENCES "public"."reference_norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_uptakes" ADD CONSTRAINT "norm_uptakes_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_uptakes" ADD CONSTRAINT "norm_uptakes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "glossary_definitions_term_slug_idx" ON "glossary_definitions" USING btree ("term_slug","position");--> statement-breakpoint
CREATE INDEX "norm_uptakes_norm_id_idx" ON "norm_uptakes" USING btree ("norm_id","taken_up_on");--> statement-breakpoint
CREATE INDEX "norm_uptakes_reference_norm_id_idx" ON "norm_uptakes" USING btree ("reference_norm_id","taken_up_on");--> statement-breakpoint
CREATE INDEX "norm_uptakes_parties_idx" ON "norm_uptakes" USING gin ("parties");--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "norm_uptakes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "norm_uptakes" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "glossary_terms" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "glossary_terms" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "glossary_definitions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "glossary_definitions" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

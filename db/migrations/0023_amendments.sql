CREATE TYPE "public"."amendment_kind" AS ENUM('replace', 'insert', 'delete');--> statement-breakpoint
CREATE TYPE "public"."amendment_state" AS ENUM('open', 'accepted', 'declined', 'withdrawn', 'superseded');--> statement-breakpoint
ALTER TYPE "public"."norm_event_type" ADD VALUE 'amendmentAccepted';--> statement-breakpoint
ALTER TYPE "public"."norm_event_type" ADD VALUE 'amendmentDeclined';--> statement-breakpoint
CREATE TABLE "amendment_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"amendment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"base_version" integer NOT NULL,
	"clause" integer NOT NULL,
	"kind" "amendment_kind" NOT NULL,
	"original" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"rationale" text NOT NULL,
	"author_id" uuid NOT NULL,
	"organization_id" uuid,
	"state" "amendment_state" DEFAULT 'open' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"accepted_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendments_clause_chk" CHECK ("amendments"."clause" >= 1 and "amendments"."base_version" >= 1),
	CONSTRAINT "amendments_text_chk" CHECK (("amendments"."kind" = 'delete') = ("amendments"."text" = ''))
);
--> statement-breakpoint
ALTER TABLE "norm_events" ADD COLUMN "amendment_id" uuid;--> statement-breakpoint
ALTER TABLE "norm_versions" ADD COLUMN "amendment_id" uuid;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "amendment_id" uuid;--> statement-breakpoint
ALTER TABLE "amendment_supports" ADD CONSTRAINT "amendment_supports_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_supports" ADD CONSTRAINT "amendment_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_supports" ADD CONSTRAINT "amendment_supports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "amendment_supports_personal_key" ON "amendment_supports" USING btree ("amendment_id","user_id") WHERE "amendment_supports"."organization_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "amendment_supports_organization_key" ON "amendment_supports" USING btree ("amendment_id","organization_id") WHERE "amendment_supports"."organization_id" is not null;--> statement-breakpoint
CREATE INDEX "amendment_supports_user_id_idx" ON "amendment_supports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "amendment_supports_organization_id_idx" ON "amendment_supports" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "amendments_norm_id_number_key" ON "amendments" USING btree ("norm_id","number");--> statement-breakpoint
CREATE INDEX "amendments_norm_id_state_idx" ON "amendments" USING btree ("norm_id","state","number");--> statement-breakpoint
CREATE INDEX "amendments_author_id_idx" ON "amendments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "amendments_organization_id_idx" ON "amendments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "amendments_decided_by_id_idx" ON "amendments" USING btree ("decided_by_id");--> statement-breakpoint
ALTER TABLE "norm_events" ADD CONSTRAINT "norm_events_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_versions" ADD CONSTRAINT "norm_versions_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_amendment_id_idx" ON "comments" USING btree ("amendment_id","created_at");--> statement-breakpoint
-- Amendments and their support are shown on public pages: a write moves the public generation
-- (migration 0017), so cached pages showing them are not served stale.
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "amendments" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "amendments" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "amendment_supports" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "amendment_supports" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

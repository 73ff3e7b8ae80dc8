CREATE TYPE "public"."attribution_status" AS ENUM('none', 'government', 'company', 'researchers', 'acknowledged');--> statement-breakpoint
CREATE TYPE "public"."evidence_type" AS ENUM('technical-report', 'government-statement', 'court-document', 'media-report', 'company-disclosure', 'actor-statement');--> statement-breakpoint
CREATE TYPE "public"."observation_actor_kind" AS ENUM('organization', 'state', 'unattributed');--> statement-breakpoint
CREATE TYPE "public"."observation_confidence" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."observation_correction_status" AS ENUM('open', 'answered');--> statement-breakpoint
CREATE TYPE "public"."observation_review_decision" AS ENUM('accept', 'reject');--> statement-breakpoint
ALTER TYPE "public"."assessment" ADD VALUE 'unclear';--> statement-breakpoint
CREATE TABLE "observation_actors" (
	"observation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "observation_actor_kind" NOT NULL,
	"organization_id" uuid,
	"country" text,
	"label" text,
	CONSTRAINT "observation_actors_observation_id_position_pk" PRIMARY KEY("observation_id","position"),
	CONSTRAINT "observation_actors_kind_chk" CHECK (case "observation_actors"."kind"
        when 'organization' then "observation_actors"."organization_id" is not null and "observation_actors"."country" is null and "observation_actors"."label" is null
        when 'state' then "observation_actors"."country" ~ '^[A-Z]{2}$' and "observation_actors"."organization_id" is null and "observation_actors"."label" is null
        else "observation_actors"."organization_id" is null and "observation_actors"."country" is null end)
);
--> statement-breakpoint
CREATE TABLE "observation_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observation_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" "observation_correction_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_corrections_answer_chk" CHECK (("observation_corrections"."status" = 'answered') = ("observation_corrections"."answer" is not null and "observation_corrections"."answered_by_id" is not null and "observation_corrections"."answered_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "observation_reviews" (
	"observation_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"decision" "observation_review_decision" NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_reviews_observation_id_reviewer_id_pk" PRIMARY KEY("observation_id","reviewer_id")
);
--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "occurred_until" date;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "codebook_version" text DEFAULT 'v0' NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ALTER COLUMN "codebook_version" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "attribution_status" "attribution_status";--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "attributed_by" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "attribution_source" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "confidence" "observation_confidence";--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "evidence_type" "evidence_type";--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "reply_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "single_reviewer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "observation_actors" ADD CONSTRAINT "observation_actors_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_actors" ADD CONSTRAINT "observation_actors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_corrections" ADD CONSTRAINT "observation_corrections_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_corrections" ADD CONSTRAINT "observation_corrections_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_corrections" ADD CONSTRAINT "observation_corrections_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_reviews" ADD CONSTRAINT "observation_reviews_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_reviews" ADD CONSTRAINT "observation_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_actors_organization_id_idx" ON "observation_actors" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "observation_actors_country_idx" ON "observation_actors" USING btree ("country");--> statement-breakpoint
CREATE INDEX "observation_corrections_observation_id_idx" ON "observation_corrections" USING btree ("observation_id","created_at");--> statement-breakpoint
CREATE INDEX "observation_corrections_requester_id_idx" ON "observation_corrections" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "observation_corrections_answered_by_id_idx" ON "observation_corrections" USING btree ("answered_by_id");--> statement-breakpoint
CREATE INDEX "observation_corrections_created_at_idx" ON "observation_corrections" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "observation_reviews_reviewer_id_idx" ON "observation_reviews" USING btree ("reviewer_id");--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_period_chk" CHECK ("observations"."occurred_until" is null or "observations"."occurred_until" >= "observations"."occurred_on");--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_coded_chk" CHECK ("observations"."codebook_version" = 'v0' or ("observations"."attribution_status" is not null and "observations"."confidence" is not null and "observations"."evidence_type" is not null));--> statement-breakpoint
-- Existing observations were coded under codebook v0 (above); each accepted or rejected one stands
-- as the single reviewer decided it, and that decision is its one review.
UPDATE "observations" SET "single_reviewer" = true WHERE "status" <> 'pending';--> statement-breakpoint
INSERT INTO "observation_reviews" ("observation_id", "reviewer_id", "decision", "reason", "created_at")
  SELECT "id", "reviewed_by_id", (CASE "status" WHEN 'accepted' THEN 'accept' ELSE 'reject' END)::"observation_review_decision", "review_note", coalesce("reviewed_at", "created_at")
  FROM "observations" WHERE "status" <> 'pending' AND "reviewed_by_id" IS NOT NULL;--> statement-breakpoint
-- Sources were a list of URLs; now each is {url, archiveUrl?}.
UPDATE "observations" SET "sources" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('url', e.s) ORDER BY e.i), '[]'::jsonb)
  FROM jsonb_array_elements_text("observations"."sources") WITH ORDINALITY AS e(s, i)
) WHERE jsonb_typeof("sources") = 'array' AND jsonb_typeof("sources" -> 0) = 'string';--> statement-breakpoint
-- Actors, numbered from 0: the named forum organisations first (by name), then each free-text
-- outside actor as 'unattributed' with its text as the label ("unattributed: <text>").
INSERT INTO "observation_actors" ("observation_id", "position", "kind", "organization_id")
  SELECT oo."observation_id", (row_number() OVER (PARTITION BY oo."observation_id" ORDER BY o."name", o."id") - 1)::int, 'organization', oo."organization_id"
  FROM "observation_organizations" oo JOIN "organizations" o ON o."id" = oo."organization_id";--> statement-breakpoint
INSERT INTO "observation_actors" ("observation_id", "position", "kind", "label")
  SELECT ob."id", ((SELECT count(*) FROM "observation_organizations" oo WHERE oo."observation_id" = ob."id") + e.i - 1)::int, 'unattributed', e.s
  FROM "observations" ob, jsonb_array_elements_text(ob."outside_actors") WITH ORDINALITY AS e(s, i);--> statement-breakpoint
-- Actors, reviews and correction requests show on public pages: writes move the public generation
-- (migration 0017) so cached pages are not served stale.
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "observation_actors" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "observation_actors" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "observation_reviews" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "observation_reviews" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "observation_corrections" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "observation_corrections" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

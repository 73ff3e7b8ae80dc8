CREATE TYPE "public"."criterion_kind" AS ENUM('stageClosed', 'minOrganizations', 'minStakeholderTypes', 'minRegions', 'minBridging');--> statement-breakpoint
CREATE TYPE "public"."criterion_move" AS ENUM('openEndorsement', 'conclude');--> statement-breakpoint
CREATE TABLE "process_criteria" (
	"move" "criterion_move" NOT NULL,
	"criterion" "criterion_kind" NOT NULL,
	"threshold" double precision NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "process_criteria_move_criterion_pk" PRIMARY KEY("move","criterion"),
	CONSTRAINT "process_criteria_threshold" CHECK ("process_criteria"."threshold" >= 0)
);
--> statement-breakpoint
ALTER TABLE "norm_events" ADD COLUMN "override" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "norm_events" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "norm_events" ADD COLUMN "criteria" jsonb;--> statement-breakpoint
-- The published criteria (server/domain/criteria.ts): to move to endorsement, consultation has
-- reached its closing date; to conclude, endorsement has, and at least 10 verified organisations
-- took a position, from at least 4 of the 6 stakeholder types and 4 of the 5 UN regional groups,
-- with a bridging score of at least 0.5.
INSERT INTO "process_criteria" ("move", "criterion", "threshold", "position") VALUES
  ('openEndorsement', 'stageClosed', 1, 1),
  ('conclude', 'stageClosed', 1, 1),
  ('conclude', 'minOrganizations', 10, 2),
  ('conclude', 'minStakeholderTypes', 4, 3),
  ('conclude', 'minRegions', 4, 4),
  ('conclude', 'minBridging', 0.5, 5);
--> statement-breakpoint
-- Shown on /about/process: a change moves the public generation on (migration 0017).
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "process_criteria" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "process_criteria" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

CREATE TYPE "public"."timed_stage" AS ENUM('consultation', 'endorsement');--> statement-breakpoint
ALTER TYPE "public"."norm_event_type" ADD VALUE 'extended';--> statement-breakpoint
ALTER TYPE "public"."norm_event_type" ADD VALUE 'stageClosed';--> statement-breakpoint
CREATE TABLE "process_setting_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stage" timed_stage NOT NULL,
	"default_days_from" integer NOT NULL,
	"default_days_to" integer NOT NULL,
	"minimum_days_from" integer NOT NULL,
	"minimum_days_to" integer NOT NULL,
	"reason" text NOT NULL,
	"changed_by_id" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_settings" (
	"stage" timed_stage PRIMARY KEY NOT NULL,
	"default_days" integer NOT NULL,
	"minimum_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_settings_days" CHECK ("process_settings"."minimum_days" >= 1 and "process_settings"."default_days" >= "process_settings"."minimum_days" and "process_settings"."default_days" <= 365)
);
--> statement-breakpoint
ALTER TABLE "norm_events" ALTER COLUMN "actor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "norm_events" ADD COLUMN "closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "stage_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "stage_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "process_setting_changes" ADD CONSTRAINT "process_setting_changes_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_setting_changes_changed_at_idx" ON "process_setting_changes" USING btree ("changed_at");--> statement-breakpoint
CREATE INDEX "process_setting_changes_changed_by_id_idx" ON "process_setting_changes" USING btree ("changed_by_id");--> statement-breakpoint
CREATE INDEX "norms_stage_closes_idx" ON "norms" USING btree ("stage_closes_at","id") WHERE "norms"."stage_closes_at" is not null;--> statement-breakpoint
-- The consultation clock's published defaults (server/domain/process.ts): consultation runs 60
-- days and may be set no shorter than 30; endorsement 45 and 21. An admin changes them, with history.
INSERT INTO "process_settings" ("stage", "default_days", "minimum_days") VALUES ('consultation', 60, 30), ('endorsement', 45, 21);
--> statement-breakpoint
-- Shown on /about/process: a change moves the public generation on (migration 0017).
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "process_settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "process_settings" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "process_setting_changes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "process_setting_changes" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
-- Norms already in a timed stage get its default from today: they close at the end of the day
-- (UTC) that many days after the migration, never in the past (the rule of closesAtAfter in
-- server/domain/stage-clock.ts). The generation moves now, not at the commit, so that a later
-- migration in the same run may still change these tables (pending trigger events block DDL).
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
UPDATE "norms" n SET "stage_closes_at" = (((current_timestamp AT TIME ZONE 'UTC')::date + s."default_days" + 1)::timestamp AT TIME ZONE 'UTC')
FROM "process_settings" s
WHERE s."stage"::text = n."status"::text AND n."status" IN ('consultation', 'endorsement');

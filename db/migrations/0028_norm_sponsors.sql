CREATE TYPE "public"."sponsor_state" AS ENUM('requested', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."norm_event_type" ADD VALUE 'sponsorAccepted';--> statement-breakpoint
ALTER TYPE "public"."norm_event_type" ADD VALUE 'sponsorWithdrawn';--> statement-breakpoint
CREATE TABLE "norm_sponsors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" "sponsor_state" DEFAULT 'requested' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"withdrawn_by_id" uuid,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "norm_sponsors_decided_chk" CHECK (("norm_sponsors"."decided_at" is null) = ("norm_sponsors"."decided_by_id" is null) and ("norm_sponsors"."state" not in ('accepted', 'declined') or "norm_sponsors"."decided_at" is not null)),
	CONSTRAINT "norm_sponsors_withdrawn_chk" CHECK (("norm_sponsors"."state" = 'withdrawn') = ("norm_sponsors"."withdrawn_at" is not null) and ("norm_sponsors"."withdrawn_at" is null) = ("norm_sponsors"."withdrawn_by_id" is null)),
	CONSTRAINT "norm_sponsors_message_chk" CHECK (char_length("norm_sponsors"."message") <= 500)
);
--> statement-breakpoint
ALTER TABLE "norm_events" ADD COLUMN "sponsor_id" uuid;--> statement-breakpoint
ALTER TABLE "norm_sponsors" ADD CONSTRAINT "norm_sponsors_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_sponsors" ADD CONSTRAINT "norm_sponsors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_sponsors" ADD CONSTRAINT "norm_sponsors_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_sponsors" ADD CONSTRAINT "norm_sponsors_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_sponsors" ADD CONSTRAINT "norm_sponsors_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "norm_sponsors_open_key" ON "norm_sponsors" USING btree ("norm_id","organization_id") WHERE "norm_sponsors"."state" in ('requested', 'accepted');--> statement-breakpoint
CREATE INDEX "norm_sponsors_norm_id_state_idx" ON "norm_sponsors" USING btree ("norm_id","state","decided_at");--> statement-breakpoint
CREATE INDEX "norm_sponsors_organization_id_idx" ON "norm_sponsors" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "norm_sponsors_requested_by_id_idx" ON "norm_sponsors" USING btree ("requested_by_id");--> statement-breakpoint
CREATE INDEX "norm_sponsors_decided_by_id_idx" ON "norm_sponsors" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "norm_sponsors_withdrawn_by_id_idx" ON "norm_sponsors" USING btree ("withdrawn_by_id");--> statement-breakpoint
ALTER TABLE "norm_events" ADD CONSTRAINT "norm_events_sponsor_id_norm_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."norm_sponsors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "norm_events_sponsor_id_idx" ON "norm_events" USING btree ("sponsor_id") WHERE "norm_events"."sponsor_id" is not null;--> statement-breakpoint
-- A norm's sponsors are shown on its public page and in open data: a write moves the public
-- generation (migration 0017), so cached pages showing them are not served stale. (norm_events,
-- which records acceptances and withdrawals on the timeline, has the trigger already.)
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "norm_sponsors" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "norm_sponsors" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

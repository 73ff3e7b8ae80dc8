-- Earlier migrations run in the same transaction may leave deferred trigger events (the public
-- generation's) on organization_members, which would refuse the index below: run them now.
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
CREATE TYPE "public"."nomination_status" AS ENUM('pending', 'approved', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."term_ending" AS ENUM('stepped_down', 'left', 'lapsed');--> statement-breakpoint
CREATE TABLE "representation_reminders" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reconfirm_by" timestamp with time zone NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "representation_reminders_organization_id_user_id_reconfirm_by_days_before_pk" PRIMARY KEY("organization_id","user_id","reconfirm_by","days_before")
);
--> statement-breakpoint
CREATE TABLE "representation_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ending" "term_ending",
	"nomination_id" uuid,
	"lapsed_basis" jsonb,
	CONSTRAINT "representation_terms_ending_chk" CHECK (("representation_terms"."ended_at" is null) = ("representation_terms"."ending" is null) and ("representation_terms"."lapsed_basis" is null or "representation_terms"."ending" = 'lapsed'))
);
--> statement-breakpoint
CREATE TABLE "representative_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"nominated_by_id" uuid NOT NULL,
	"address" text NOT NULL,
	"status" "nomination_status" DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "representative_nominations_decision_chk" CHECK (("representative_nominations"."status" = 'pending') = ("representative_nominations"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "representation_reminders" ADD CONSTRAINT "representation_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representation_reminders" ADD CONSTRAINT "representation_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representation_terms" ADD CONSTRAINT "representation_terms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representation_terms" ADD CONSTRAINT "representation_terms_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representation_terms" ADD CONSTRAINT "representation_terms_nomination_id_representative_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."representative_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_nominations" ADD CONSTRAINT "representative_nominations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_nominations" ADD CONSTRAINT "representative_nominations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_nominations" ADD CONSTRAINT "representative_nominations_nominated_by_id_users_id_fk" FOREIGN KEY ("nominated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_nominations" ADD CONSTRAINT "representative_nominations_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "representation_reminders_user_id_idx" ON "representation_reminders" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "representation_terms_open_key" ON "representation_terms" USING btree ("organization_id","user_id") WHERE "representation_terms"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "representation_terms_organization_idx" ON "representation_terms" USING btree ("organization_id","started_at");--> statement-breakpoint
CREATE INDEX "representation_terms_user_id_idx" ON "representation_terms" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "representation_terms_nomination_id_idx" ON "representation_terms" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "representative_nominations_pending_key" ON "representative_nominations" USING btree ("organization_id","user_id") WHERE "representative_nominations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "representative_nominations_queue_idx" ON "representative_nominations" USING btree ("created_at") WHERE "representative_nominations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "representative_nominations_user_id_idx" ON "representative_nominations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "representative_nominations_nominated_by_id_idx" ON "representative_nominations" USING btree ("nominated_by_id");--> statement-breakpoint
CREATE INDEX "representative_nominations_decided_by_id_idx" ON "representative_nominations" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "organization_members_reconfirm_by_idx" ON "organization_members" USING btree ("reconfirm_by") WHERE "organization_members"."reconfirm_by" is not null;--> statement-breakpoint
-- Every representative today opens the public history. When they became one was not recorded
-- before this migration, so a term starts when they joined the organisation (the earliest it can
-- have started).
INSERT INTO "representation_terms" ("organization_id", "user_id", "started_at")
SELECT "organization_id", "user_id", "created_at" FROM "organization_members" WHERE "role" = 'representative';

CREATE TYPE "public"."participation" AS ENUM('participant', 'observer');--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "participation" "participation" DEFAULT 'participant' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "participation_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "participation_requested_by_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_participation_requested_by_id_users_id_fk" FOREIGN KEY ("participation_requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_participation_requested_idx" ON "organizations" USING btree ("participation_requested_at") WHERE "organizations"."participation_requested_at" is not null;--> statement-breakpoint
CREATE INDEX "organizations_participation_requested_by_id_idx" ON "organizations" USING btree ("participation_requested_by_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_participation_request_chk" CHECK (("organizations"."participation_requested_at" is null or "organizations"."participation" = 'observer') and ("organizations"."participation_requested_at" is null) = ("organizations"."participation_requested_by_id" is null));
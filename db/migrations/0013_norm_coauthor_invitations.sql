CREATE TYPE "public"."coauthor_invitation_status" AS ENUM('pending', 'accepted', 'declined', 'cancelled');--> statement-breakpoint
CREATE TABLE "norm_coauthor_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"email" text NOT NULL,
	"invited_by_id" uuid NOT NULL,
	"status" "coauthor_invitation_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "norm_coauthor_invitations" ADD CONSTRAINT "norm_coauthor_invitations_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_coauthor_invitations" ADD CONSTRAINT "norm_coauthor_invitations_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "norm_coauthor_invitations_pending_key" ON "norm_coauthor_invitations" USING btree ("norm_id","email") WHERE "norm_coauthor_invitations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "norm_coauthor_invitations_email_idx" ON "norm_coauthor_invitations" USING btree ("email","status");--> statement-breakpoint
CREATE INDEX "norm_coauthor_invitations_invited_by_id_idx" ON "norm_coauthor_invitations" USING btree ("invited_by_id");
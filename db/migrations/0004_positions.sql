CREATE TYPE "public"."position_event_kind" AS ENUM('recorded', 'reaffirmed');--> statement-breakpoint
CREATE TYPE "public"."stance" AS ENUM('endorse', 'endorse_with_reservations', 'object', 'abstain');--> statement-breakpoint
CREATE TABLE "norm_position_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"kind" "position_event_kind" NOT NULL,
	"stance" "stance" NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "norm_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"stance" "stance" NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "norm_positions_version_chk" CHECK ("norm_positions"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "position_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "support" real;--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "bridging" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "contestation" real;--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD CONSTRAINT "norm_position_history_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD CONSTRAINT "norm_position_history_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD CONSTRAINT "norm_position_history_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_positions" ADD CONSTRAINT "norm_positions_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_positions" ADD CONSTRAINT "norm_positions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_positions" ADD CONSTRAINT "norm_positions_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "norm_position_history_norm_org_sequence_key" ON "norm_position_history" USING btree ("norm_id","organization_id","sequence");--> statement-breakpoint
CREATE INDEX "norm_position_history_norm_id_idx" ON "norm_position_history" USING btree ("norm_id","recorded_at");--> statement-breakpoint
CREATE INDEX "norm_position_history_organization_id_idx" ON "norm_position_history" USING btree ("organization_id","recorded_at");--> statement-breakpoint
CREATE INDEX "norm_position_history_recorded_by_id_idx" ON "norm_position_history" USING btree ("recorded_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "norm_positions_norm_id_organization_id_key" ON "norm_positions" USING btree ("norm_id","organization_id");--> statement-breakpoint
CREATE INDEX "norm_positions_organization_id_idx" ON "norm_positions" USING btree ("organization_id","recorded_at");--> statement-breakpoint
CREATE INDEX "norm_positions_recorded_by_id_idx" ON "norm_positions" USING btree ("recorded_by_id");--> statement-breakpoint
-- Position history is append-only, like the audit log: the public record of who said what.
CREATE OR REPLACE FUNCTION norm_position_history_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'norm_position_history is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER norm_position_history_append_only
  BEFORE UPDATE OR DELETE ON norm_position_history
  FOR EACH ROW EXECUTE FUNCTION norm_position_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER norm_position_history_no_truncate
  BEFORE TRUNCATE ON norm_position_history
  FOR EACH STATEMENT EXECUTE FUNCTION norm_position_history_refuse_change();

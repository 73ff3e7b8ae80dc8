CREATE TABLE "sealed_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"stance" "stance" NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"clauses" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sealed_positions_version_chk" CHECK ("sealed_positions"."version" >= 1),
	CONSTRAINT "sealed_positions_clauses_chk" CHECK (1 <= all("sealed_positions"."clauses"))
);
--> statement-breakpoint
ALTER TABLE "norm_events" ADD COLUMN "sealed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "stage_sealed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD COLUMN "revealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sealed_positions" ADD CONSTRAINT "sealed_positions_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealed_positions" ADD CONSTRAINT "sealed_positions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealed_positions" ADD CONSTRAINT "sealed_positions_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sealed_positions_norm_id_organization_id_key" ON "sealed_positions" USING btree ("norm_id","organization_id");--> statement-breakpoint
CREATE INDEX "sealed_positions_organization_id_idx" ON "sealed_positions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sealed_positions_recorded_by_id_idx" ON "sealed_positions" USING btree ("recorded_by_id");--> statement-breakpoint
-- Neutrality (migration 0029) holds for sealed entries as for public ones: no staff account records one.
CREATE TRIGGER "sealed_positions_no_staff_insert" AFTER INSERT ON "sealed_positions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('recorded_by_id');--> statement-breakpoint
CREATE TRIGGER "sealed_positions_no_staff_update" AFTER UPDATE ON "sealed_positions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('recorded_by_id');
-- sealed_positions has no public_generation_bump trigger on purpose: a sealed write must not move
-- the public generation (server/page-cache/tables.ts, PRIVATE_TABLES), or the cache would tell.

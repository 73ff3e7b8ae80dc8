CREATE TYPE "public"."entry_kind" AS ENUM('position', 'statement', 'reply');--> statement-breakpoint
CREATE TYPE "public"."entry_state" AS ENUM('draft', 'pending', 'published', 'declined', 'withdrawn', 'lapsed');--> statement-breakpoint
CREATE TABLE "organization_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "entry_kind" NOT NULL,
	"state" "entry_state" DEFAULT 'draft' NOT NULL,
	"norm_id" uuid,
	"stocktake_item_id" uuid,
	"observation_id" uuid,
	"content" jsonb NOT NULL,
	"entered_by_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_entries_target_chk" CHECK (("organization_entries"."kind" = 'position' and "organization_entries"."norm_id" is not null and "organization_entries"."stocktake_item_id" is null and "organization_entries"."observation_id" is null)
        or ("organization_entries"."kind" = 'statement' and "organization_entries"."stocktake_item_id" is not null and "organization_entries"."norm_id" is null and "organization_entries"."observation_id" is null)
        or ("organization_entries"."kind" = 'reply' and "organization_entries"."observation_id" is not null and "organization_entries"."norm_id" is null and "organization_entries"."stocktake_item_id" is null)),
	CONSTRAINT "organization_entries_submitted_chk" CHECK ("organization_entries"."state" = 'draft' or "organization_entries"."submitted_at" is not null or "organization_entries"."state" = 'withdrawn')
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "requires_countersignature" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD COLUMN "countersigned_by_id" uuid;--> statement-breakpoint
ALTER TABLE "norm_positions" ADD COLUMN "countersigned_by_id" uuid;--> statement-breakpoint
ALTER TABLE "implementation_statements" ADD COLUMN "countersigned_by_id" uuid;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD COLUMN "countersigned_by_id" uuid;--> statement-breakpoint
ALTER TABLE "organization_entries" ADD CONSTRAINT "organization_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_entries" ADD CONSTRAINT "organization_entries_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_entries" ADD CONSTRAINT "organization_entries_stocktake_item_id_stocktake_items_id_fk" FOREIGN KEY ("stocktake_item_id") REFERENCES "public"."stocktake_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_entries" ADD CONSTRAINT "organization_entries_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_entries" ADD CONSTRAINT "organization_entries_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_entries" ADD CONSTRAINT "organization_entries_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_entries_organization_id_idx" ON "organization_entries" USING btree ("organization_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "organization_entries_norm_id_idx" ON "organization_entries" USING btree ("norm_id");--> statement-breakpoint
CREATE INDEX "organization_entries_stocktake_item_id_idx" ON "organization_entries" USING btree ("stocktake_item_id");--> statement-breakpoint
CREATE INDEX "organization_entries_observation_id_idx" ON "organization_entries" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "organization_entries_entered_by_id_idx" ON "organization_entries" USING btree ("entered_by_id");--> statement-breakpoint
CREATE INDEX "organization_entries_decided_by_id_idx" ON "organization_entries" USING btree ("decided_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_entries_pending_key" ON "organization_entries" USING btree ("organization_id","kind",coalesce("norm_id", "stocktake_item_id", "observation_id")) WHERE "organization_entries"."state" = 'pending';--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD CONSTRAINT "norm_position_history_countersigned_by_id_users_id_fk" FOREIGN KEY ("countersigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_positions" ADD CONSTRAINT "norm_positions_countersigned_by_id_users_id_fk" FOREIGN KEY ("countersigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_statements" ADD CONSTRAINT "implementation_statements_countersigned_by_id_users_id_fk" FOREIGN KEY ("countersigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD CONSTRAINT "observation_replies_countersigned_by_id_users_id_fk" FOREIGN KEY ("countersigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "norm_position_history_countersigned_by_id_idx" ON "norm_position_history" USING btree ("countersigned_by_id");--> statement-breakpoint
CREATE INDEX "norm_positions_countersigned_by_id_idx" ON "norm_positions" USING btree ("countersigned_by_id");--> statement-breakpoint
CREATE INDEX "implementation_statements_countersigned_by_id_idx" ON "implementation_statements" USING btree ("countersigned_by_id");--> statement-breakpoint
CREATE INDEX "observation_replies_countersigned_by_id_idx" ON "observation_replies" USING btree ("countersigned_by_id");--> statement-breakpoint
-- Neutrality (migration 0029) holds for clearance and countersignature too: no staff account
-- enters an organisation's draft or pending entry (nor, being no member, countersigns one).
CREATE TRIGGER "organization_entries_no_staff_insert" AFTER INSERT ON "organization_entries"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('entered_by_id');--> statement-breakpoint
CREATE TRIGGER "organization_entries_no_staff_update" AFTER UPDATE ON "organization_entries"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('entered_by_id');

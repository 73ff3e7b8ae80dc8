CREATE TYPE "public"."assessment" AS ENUM('consistent', 'inconsistent');--> statement-breakpoint
CREATE TYPE "public"."implementation_status" AS ENUM('implemented', 'partially', 'not_yet', 'no_information');--> statement-breakpoint
CREATE TYPE "public"."observation_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."publication_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "implementation_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" "implementation_status" NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_assessments" (
	"observation_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"assessment" "assessment" NOT NULL,
	CONSTRAINT "observation_assessments_observation_id_item_id_pk" PRIMARY KEY("observation_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "observation_organizations" (
	"observation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "observation_organizations_observation_id_organization_id_pk" PRIMARY KEY("observation_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "observation_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stocktake_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"occurred_on" date NOT NULL,
	"outside_actors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"status" "observation_status" DEFAULT 'pending' NOT NULL,
	"review_note" text,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocktake_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stocktake_id" uuid NOT NULL,
	"norm_id" uuid,
	"reference_norm_id" text,
	"position" integer NOT NULL,
	CONSTRAINT "stocktake_items_one_chk" CHECK (("stocktake_items"."norm_id" is null) <> ("stocktake_items"."reference_norm_id" is null))
);
--> statement-breakpoint
CREATE TABLE "stocktake_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stocktake_id" uuid NOT NULL,
	"status" "publication_status" DEFAULT 'running' NOT NULL,
	"step" text NOT NULL,
	"error" text,
	"revision" integer,
	"started_by_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stocktake_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stocktake_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"erratum" text,
	"snapshot" text NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"csv" text NOT NULL,
	"published_by_id" uuid NOT NULL,
	CONSTRAINT "stocktake_revisions_sha256_chk" CHECK ("stocktake_revisions"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "stocktakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"narrative" jsonb NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stocktakes_window_chk" CHECK ("stocktakes"."closes_on" >= "stocktakes"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "implementation_statements" ADD CONSTRAINT "implementation_statements_item_id_stocktake_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."stocktake_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_statements" ADD CONSTRAINT "implementation_statements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_statements" ADD CONSTRAINT "implementation_statements_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_assessments" ADD CONSTRAINT "observation_assessments_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_assessments" ADD CONSTRAINT "observation_assessments_item_id_stocktake_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."stocktake_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_organizations" ADD CONSTRAINT "observation_organizations_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_organizations" ADD CONSTRAINT "observation_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD CONSTRAINT "observation_replies_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD CONSTRAINT "observation_replies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD CONSTRAINT "observation_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_stocktake_id_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_items" ADD CONSTRAINT "stocktake_items_stocktake_id_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_items" ADD CONSTRAINT "stocktake_items_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_items" ADD CONSTRAINT "stocktake_items_reference_norm_id_reference_norms_id_fk" FOREIGN KEY ("reference_norm_id") REFERENCES "public"."reference_norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_publications" ADD CONSTRAINT "stocktake_publications_stocktake_id_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_publications" ADD CONSTRAINT "stocktake_publications_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_revisions" ADD CONSTRAINT "stocktake_revisions_stocktake_id_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_revisions" ADD CONSTRAINT "stocktake_revisions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktakes" ADD CONSTRAINT "stocktakes_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktakes" ADD CONSTRAINT "stocktakes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_statements_item_org_key" ON "implementation_statements" USING btree ("item_id","organization_id");--> statement-breakpoint
CREATE INDEX "implementation_statements_organization_id_idx" ON "implementation_statements" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "implementation_statements_recorded_by_id_idx" ON "implementation_statements" USING btree ("recorded_by_id");--> statement-breakpoint
CREATE INDEX "observation_assessments_item_id_idx" ON "observation_assessments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "observation_organizations_organization_id_idx" ON "observation_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_replies_observation_org_key" ON "observation_replies" USING btree ("observation_id","organization_id");--> statement-breakpoint
CREATE INDEX "observation_replies_organization_id_idx" ON "observation_replies" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "observation_replies_author_id_idx" ON "observation_replies" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "observations_stocktake_id_idx" ON "observations" USING btree ("stocktake_id","status");--> statement-breakpoint
CREATE INDEX "observations_reporter_id_idx" ON "observations" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "observations_reviewed_by_id_idx" ON "observations" USING btree ("reviewed_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_items_norm_key" ON "stocktake_items" USING btree ("stocktake_id","norm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_items_reference_key" ON "stocktake_items" USING btree ("stocktake_id","reference_norm_id");--> statement-breakpoint
CREATE INDEX "stocktake_items_norm_id_idx" ON "stocktake_items" USING btree ("norm_id");--> statement-breakpoint
CREATE INDEX "stocktake_items_reference_norm_id_idx" ON "stocktake_items" USING btree ("reference_norm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_publications_running_key" ON "stocktake_publications" USING btree ("stocktake_id") WHERE "stocktake_publications"."status" = 'running';--> statement-breakpoint
CREATE INDEX "stocktake_publications_stocktake_id_idx" ON "stocktake_publications" USING btree ("stocktake_id","started_at");--> statement-breakpoint
CREATE INDEX "stocktake_publications_started_by_id_idx" ON "stocktake_publications" USING btree ("started_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_revisions_stocktake_revision_key" ON "stocktake_revisions" USING btree ("stocktake_id","revision");--> statement-breakpoint
CREATE INDEX "stocktake_revisions_published_by_id_idx" ON "stocktake_revisions" USING btree ("published_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktakes_year_key" ON "stocktakes" USING btree ("year");--> statement-breakpoint
CREATE INDEX "stocktakes_created_by_id_idx" ON "stocktakes" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "stocktakes_closed_by_id_idx" ON "stocktakes" USING btree ("closed_by_id");--> statement-breakpoint
-- A published revision of a stock-take can never change: its hash is public.
CREATE TRIGGER stocktake_revisions_immutable
  BEFORE UPDATE OR DELETE ON stocktake_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER stocktake_revisions_no_truncate
  BEFORE TRUNCATE ON stocktake_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();

CREATE TYPE "public"."bindingness" AS ENUM('political', 'legal', 'technical');--> statement-breakpoint
CREATE TYPE "public"."norm_event_type" AS ENUM('created', 'revised', 'submit', 'withdraw', 'openEndorsement', 'returnToConsultation', 'conclude', 'merge');--> statement-breakpoint
CREATE TYPE "public"."norm_kind" AS ENUM('mutual_restraint', 'common_welfare');--> statement-breakpoint
CREATE TYPE "public"."norm_status" AS ENUM('draft', 'consultation', 'endorsement', 'concluded', 'withdrawn', 'merged');--> statement-breakpoint
CREATE TABLE "norm_citations" (
	"norm_id" uuid NOT NULL,
	"reference_norm_id" text NOT NULL,
	CONSTRAINT "norm_citations_norm_id_reference_norm_id_pk" PRIMARY KEY("norm_id","reference_norm_id")
);
--> statement-breakpoint
CREATE TABLE "norm_coauthors" (
	"norm_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "norm_coauthors_norm_id_user_id_pk" PRIMARY KEY("norm_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "norm_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"type" "norm_event_type" NOT NULL,
	"from_status" "norm_status",
	"to_status" "norm_status",
	"version" integer,
	"actor_id" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "norm_placements" (
	"norm_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	CONSTRAINT "norm_placements_norm_id_category_code_pk" PRIMARY KEY("norm_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "norm_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"clauses" jsonb NOT NULL,
	"change_summary" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "norms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"status" "norm_status" DEFAULT 'draft' NOT NULL,
	"kind" "norm_kind" NOT NULL,
	"bindingness" "bindingness" NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"proposer_id" uuid NOT NULL,
	"organization_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"merged_into_id" uuid,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "norm_citations" ADD CONSTRAINT "norm_citations_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_citations" ADD CONSTRAINT "norm_citations_reference_norm_id_reference_norms_id_fk" FOREIGN KEY ("reference_norm_id") REFERENCES "public"."reference_norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_coauthors" ADD CONSTRAINT "norm_coauthors_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_coauthors" ADD CONSTRAINT "norm_coauthors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_events" ADD CONSTRAINT "norm_events_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_events" ADD CONSTRAINT "norm_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_placements" ADD CONSTRAINT "norm_placements_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_placements" ADD CONSTRAINT "norm_placements_category_code_norm_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."norm_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_versions" ADD CONSTRAINT "norm_versions_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_versions" ADD CONSTRAINT "norm_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norms" ADD CONSTRAINT "norms_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norms" ADD CONSTRAINT "norms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norms" ADD CONSTRAINT "norms_merged_into_id_norms_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "norm_citations_reference_norm_id_idx" ON "norm_citations" USING btree ("reference_norm_id");--> statement-breakpoint
CREATE INDEX "norm_coauthors_user_id_idx" ON "norm_coauthors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "norm_events_norm_id_idx" ON "norm_events" USING btree ("norm_id","created_at");--> statement-breakpoint
CREATE INDEX "norm_events_actor_id_idx" ON "norm_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "norm_placements_category_code_idx" ON "norm_placements" USING btree ("category_code");--> statement-breakpoint
CREATE UNIQUE INDEX "norm_versions_norm_id_number_key" ON "norm_versions" USING btree ("norm_id","number");--> statement-breakpoint
CREATE INDEX "norm_versions_author_id_idx" ON "norm_versions" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "norms_slug_key" ON "norms" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "norms_search_idx" ON "norms" USING gin ("search");--> statement-breakpoint
CREATE INDEX "norms_proposer_id_idx" ON "norms" USING btree ("proposer_id");--> statement-breakpoint
CREATE INDEX "norms_organization_id_idx" ON "norms" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "norms_merged_into_id_idx" ON "norms" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "norms_status_created_idx" ON "norms" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "norms_last_activity_idx" ON "norms" USING btree ("last_activity_at","id");
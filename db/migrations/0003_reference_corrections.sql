CREATE TYPE "public"."reference_correction_field" AS ENUM('text', 'categories');--> statement-breakpoint
CREATE TABLE "reference_norm_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"norm_id" text NOT NULL,
	"field" "reference_correction_field" NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reference_norm_corrections" ADD CONSTRAINT "reference_norm_corrections_norm_id_reference_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."reference_norms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_norm_corrections" ADD CONSTRAINT "reference_norm_corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reference_norm_corrections_norm_id_idx" ON "reference_norm_corrections" USING btree ("norm_id");
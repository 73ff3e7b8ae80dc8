ALTER TABLE "suspensions" ADD COLUMN "imposed_by_role" "user_role" DEFAULT 'admin' NOT NULL;--> statement-breakpoint
-- Existing suspensions: the imposer's role as it stands now is the best record there is.
UPDATE "suspensions" SET "imposed_by_role" = "users"."role" FROM "users" WHERE "users"."id" = "suspensions"."created_by_id";

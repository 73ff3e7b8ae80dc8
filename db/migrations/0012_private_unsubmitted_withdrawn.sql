-- Issue 13, hole 2: withdrawing a draft used to publish it. A norm is public from its first
-- submission to consultation; record when that was, from the norm's timeline.
UPDATE "norms" SET "submitted_at" = s."first_submit"
FROM (SELECT "norm_id", min("created_at") AS "first_submit" FROM "norm_events" WHERE "type" = 'submit' GROUP BY "norm_id") AS s
WHERE s."norm_id" = "norms"."id";
--> statement-breakpoint
-- The app always records a submission event; a norm past the draft stage without one (made by
-- hand) stays public as it was, except a withdrawn one: a draft withdrawn without ever being
-- submitted becomes private to its authors again.
UPDATE "norms" SET "submitted_at" = "created_at" WHERE "submitted_at" IS NULL AND "status" NOT IN ('draft', 'withdrawn');

ALTER TABLE "norms" ADD COLUMN "support_lower_bound" double precision;--> statement-breakpoint
ALTER TABLE "norms" ADD COLUMN "contestation_lower_bound" double precision;--> statement-breakpoint
CREATE INDEX "norms_support_lower_bound_idx" ON "norms" USING btree (coalesce("support_lower_bound", -1),"id");--> statement-breakpoint
CREATE INDEX "norms_contestation_lower_bound_idx" ON "norms" USING btree (coalesce("contestation_lower_bound", -1),"id");--> statement-breakpoint
-- Backfill the sort keys from the positions of verified organisations, as refreshMeasures() does:
-- the lower bound of the Wilson score interval (z = 1.96) of k successes out of n, null with n = 0.
WITH counted AS (
  SELECT p.norm_id,
    count(*) FILTER (WHERE p.stance IN ('endorse', 'endorse_with_reservations'))::double precision AS endorsing,
    count(*) FILTER (WHERE p.stance = 'object')::double precision AS objecting,
    count(*)::double precision AS total
  FROM "norm_positions" p
  JOIN "organizations" o ON o.id = p.organization_id
  WHERE o.verification_status = 'verified'
  GROUP BY p.norm_id
), bounds AS (
  SELECT norm_id, endorsing AS k, endorsing + objecting AS n, 'support' AS measure FROM counted
  UNION ALL
  SELECT norm_id, objecting AS k, total AS n, 'contestation' AS measure FROM counted
), wilson AS (
  SELECT norm_id, measure,
    CASE WHEN n = 0 THEN NULL ELSE greatest(0, (k / n + 1.96 ^ 2 / (2 * n) - 1.96 * sqrt((k / n) * (1 - k / n) / n + 1.96 ^ 2 / (4 * n * n))) / (1 + 1.96 ^ 2 / n)) END AS bound
  FROM bounds
)
UPDATE "norms" SET
  "support_lower_bound" = (SELECT bound FROM wilson w WHERE w.norm_id = "norms".id AND w.measure = 'support'),
  "contestation_lower_bound" = (SELECT bound FROM wilson w WHERE w.norm_id = "norms".id AND w.measure = 'contestation')
WHERE "norms".id IN (SELECT norm_id FROM counted);

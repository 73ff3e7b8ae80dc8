ALTER TYPE "public"."position_event_kind" ADD VALUE 'withdrawn';--> statement-breakpoint
CREATE TABLE "norm_frozen_figures" (
	"norm_id" uuid PRIMARY KEY NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"counted_by_group" integer[] NOT NULL,
	"position_count" integer NOT NULL,
	"support" double precision,
	"bridging" double precision NOT NULL,
	"contestation" double precision,
	"support_lower_bound" double precision,
	"contestation_lower_bound" double precision,
	"concluded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "norm_frozen_figures" ADD CONSTRAINT "norm_frozen_figures_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The frozen figures are the record of a decision: written once, when the norm is concluded.
CREATE OR REPLACE FUNCTION norm_frozen_figures_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'norm_frozen_figures is written once and never changed' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER norm_frozen_figures_write_once
  BEFORE UPDATE OR DELETE ON norm_frozen_figures
  FOR EACH ROW EXECUTE FUNCTION norm_frozen_figures_refuse_change();
--> statement-breakpoint
CREATE TRIGGER norm_frozen_figures_no_truncate
  BEFORE TRUNCATE ON norm_frozen_figures
  FOR EACH STATEMENT EXECUTE FUNCTION norm_frozen_figures_refuse_change();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "norm_frozen_figures" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "norm_frozen_figures" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
-- Norms concluded before this migration: no position could be recorded on them since, so their
-- current figures are the best record of the close (a verification change since may have moved
-- them; nothing better was kept). Frozen at the endorsement stage's closing date as the last move
-- into endorsement or extension set it, or at the conclusion if that came first.
INSERT INTO "norm_frozen_figures" ("norm_id", "frozen_at", "counted_by_group", "position_count", "support", "bridging", "contestation", "support_lower_bound", "contestation_lower_bound", "concluded_at")
SELECT n.id,
  least(coalesce(c.concluded_at, n.updated_at), coalesce(s.closes_at, 'infinity'::timestamptz)),
  n.counted_by_group, n.position_count, n.support, n.bridging, n.contestation, n.support_lower_bound, n.contestation_lower_bound,
  coalesce(c.concluded_at, n.updated_at)
FROM norms n
LEFT JOIN LATERAL (SELECT max(e.created_at) AS concluded_at FROM norm_events e WHERE e.norm_id = n.id AND e.type = 'conclude') c ON true
LEFT JOIN LATERAL (
  SELECT e.closes_at FROM norm_events e
  WHERE e.norm_id = n.id AND e.to_status = 'endorsement' AND e.closes_at IS NOT NULL AND e.created_at <= coalesce(c.concluded_at, n.updated_at)
  ORDER BY e.created_at DESC LIMIT 1
) s ON true
WHERE n.status = 'concluded';

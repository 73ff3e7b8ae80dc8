ALTER TABLE "norms" ADD COLUMN "counted_by_group" integer[] DEFAULT array_fill(0, array[48]) NOT NULL;--> statement-breakpoint
-- Where a verified organisation's position counts in norms.counted_by_group (1-based): its stance
-- (4) within its stakeholder type's group (groups 0-5) and within its region's group (6-11), in the
-- orders of server/schemas/vocabulary.ts (tests/measures-sql.test.ts holds them equal).
CREATE FUNCTION norm_counted_slots(t stakeholder_type, r region, s stance) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[
    (array_position(ARRAY['state', 'intergovernmental', 'private_sector', 'civil_society', 'academia', 'technical_community'], t::text) - 1) * 4
      + array_position(ARRAY['endorse', 'endorse_with_reservations', 'object', 'abstain'], s::text),
    (5 + array_position(ARRAY['african', 'asia_pacific', 'eastern_european', 'latin_american_caribbean', 'weog', 'global'], r::text)) * 4
      + array_position(ARRAY['endorse', 'endorse_with_reservations', 'object', 'abstain'], s::text)
  ]
$$;
--> statement-breakpoint
-- The counts with one position of an organisation of type t in region r moved from one stance to
-- another; a null stance is none (a new position, or one no longer counted).
CREATE FUNCTION norm_counted_moved(counted integer[], t stakeholder_type, r region, from_stance stance, to_stance stance) RETURNS integer[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  c integer[] := counted;
  i integer;
BEGIN
  IF from_stance IS NOT NULL THEN
    FOREACH i IN ARRAY norm_counted_slots(t, r, from_stance) LOOP c[i] := c[i] - 1; END LOOP;
  END IF;
  IF to_stance IS NOT NULL THEN
    FOREACH i IN ARRAY norm_counted_slots(t, r, to_stance) LOOP c[i] := c[i] + 1; END LOOP;
  END IF;
  RETURN c;
END;
$$;
--> statement-breakpoint
-- The lower bound of the Wilson score interval (95%) of k out of n, null with n = 0: wilsonLowerBound()
-- of server/domain/measures.ts, operation for operation, so the two give the same double.
CREATE FUNCTION norm_wilson_lower_bound(k integer, n integer) RETURNS double precision LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  z double precision := 1.96;
  z2 double precision := z * z;
  nn double precision := n;
  p double precision;
BEGIN
  IF n <= 0 THEN RETURN NULL; END IF;
  p := k::double precision / nn;
  RETURN greatest(0, (p + z2 / (2 * nn) - z * sqrt((p * (1 - p)) / nn + z2 / (4 * nn * nn))) / (1 + z2 / nn));
END;
$$;
--> statement-breakpoint
-- The measures stored on a norm from its counts: computeMeasures() of server/domain/measures.ts,
-- operation for operation (the bridging score summed over the groups in the same order).
CREATE FUNCTION norm_figures(counted integer[], OUT position_count integer, OUT support double precision, OUT bridging double precision,
  OUT contestation double precision, OUT support_lower_bound double precision, OUT contestation_lower_bound double precision)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  endorsing integer := 0;
  objecting integer := 0;
  total integer := 0;
  e integer;
  o integer;
  b double precision := 0;
BEGIN
  -- Every verified organisation has one stakeholder type: the type groups hold every position once.
  FOR g IN 0..5 LOOP
    endorsing := endorsing + counted[g * 4 + 1] + counted[g * 4 + 2];
    objecting := objecting + counted[g * 4 + 3];
    total := total + counted[g * 4 + 1] + counted[g * 4 + 2] + counted[g * 4 + 3] + counted[g * 4 + 4];
  END LOOP;
  FOR g IN 0..11 LOOP
    e := counted[g * 4 + 1] + counted[g * 4 + 2];
    o := counted[g * 4 + 3];
    IF e > 0 THEN b := b + e::double precision / (e + o); END IF;
  END LOOP;
  position_count := total;
  support := CASE WHEN endorsing + objecting = 0 THEN NULL ELSE endorsing::double precision / (endorsing + objecting) END;
  contestation := CASE WHEN total = 0 THEN NULL ELSE objecting::double precision / total END;
  bridging := b / 12;
  support_lower_bound := norm_wilson_lower_bound(endorsing, endorsing + objecting);
  contestation_lower_bound := norm_wilson_lower_bound(objecting, total);
END;
$$;
--> statement-breakpoint
-- A norm's counts from its positions (verified organisations only): what refreshMeasures() stores.
CREATE FUNCTION norm_counted(norm uuid) RETURNS integer[] LANGUAGE sql STABLE AS $$
  SELECT array_agg(coalesce(c.n, 0)::integer ORDER BY i)
  FROM generate_series(1, 48) i
  LEFT JOIN (
    SELECT slot, count(*) AS n
    FROM norm_positions p
    JOIN organizations o ON o.id = p.organization_id
    CROSS JOIN unnest(norm_counted_slots(o.stakeholder_type, o.region, p.stance)) slot
    WHERE p.norm_id = norm AND o.verification_status = 'verified'
    GROUP BY slot
  ) c ON c.slot = i
$$;
--> statement-breakpoint
-- The counts of every norm with positions (the others keep all zeros).
WITH counted AS (
  SELECT p.norm_id, slot, count(*)::integer AS n
  FROM norm_positions p
  JOIN organizations o ON o.id = p.organization_id
  CROSS JOIN unnest(norm_counted_slots(o.stakeholder_type, o.region, p.stance)) slot
  WHERE o.verification_status = 'verified'
  GROUP BY p.norm_id, slot
), arrays AS (
  SELECT ids.norm_id, array_agg(coalesce(c.n, 0) ORDER BY i) AS counted
  FROM (SELECT DISTINCT norm_id FROM counted) ids
  CROSS JOIN generate_series(1, 48) i
  LEFT JOIN counted c ON c.norm_id = ids.norm_id AND c.slot = i
  GROUP BY ids.norm_id
)
UPDATE norms SET counted_by_group = arrays.counted FROM arrays WHERE norms.id = arrays.norm_id;

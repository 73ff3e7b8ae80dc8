CREATE TABLE "public_generation" (
	"id" smallint PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_generation_one_row" CHECK ("public_generation"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "public_generation" ("id", "generation") VALUES (1, 1);
--> statement-breakpoint
-- Adds one to the generation when a transaction that wrote a public table commits: deferred to the
-- commit, so the row is locked only for the commit itself and last (no lock taken after it, so no
-- deadlock), and once per transaction however many rows it wrote.
CREATE OR REPLACE FUNCTION public_generation_bump() RETURNS trigger AS $$
BEGIN
  IF current_setting('norms_forum.generation_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('norms_forum.generation_bumped', txid_current()::text, true);
    UPDATE public_generation SET generation = generation + 1, changed_at = now() WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Every table a public page may show. Not: rate_limits, email_tokens, audit_log (never shown on a
-- public page, and written on many requests). tests/page-cache-generation.test.ts holds every
-- table to one list or the other.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'comment_appeals', 'comment_reports', 'comment_revisions', 'comments', 'forums',
    'implementation_statements', 'join_requests', 'moderation_log', 'norm_categories', 'norm_citations',
    'norm_coauthor_invitations', 'norm_coauthors', 'norm_events', 'norm_placements',
    'norm_position_history', 'norm_positions', 'norm_versions', 'norms', 'observation_assessments',
    'observation_organizations', 'observation_replies', 'observations', 'organization_members',
    'organizations', 'reference_documents', 'reference_norm_categories', 'reference_norm_corrections',
    'reference_norms', 'stocktake_items', 'stocktake_publications', 'stocktake_revisions', 'stocktakes',
    'suspension_appeals', 'suspensions', 'users'
  ] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump()', t);
    EXECUTE format('CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump()', t);
  END LOOP;
END;
$$;

CREATE TABLE "governance_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"secretariat" text NOT NULL,
	"appointments" text NOT NULL,
	"funding" text NOT NULL,
	"summary" text NOT NULL,
	"edited_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_revisions_number_chk" CHECK ("governance_revisions"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD COLUMN "recorded_by_staff" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "implementation_statements" ADD COLUMN "recorded_by_staff" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD COLUMN "recorded_by_staff" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "governance_revisions" ADD CONSTRAINT "governance_revisions_edited_by_id_users_id_fk" FOREIGN KEY ("edited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_revisions_number_key" ON "governance_revisions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "governance_revisions_edited_by_id_idx" ON "governance_revisions" USING btree ("edited_by_id");--> statement-breakpoint
-- The secretariat is neutral (issue 17): accounts with the secretariat or admin role belong to no
-- organisation and enter nothing for one. First, what staff accounts entered for organisations
-- before this rule stays, marked as such (the history is append-only: its trigger is set aside for
-- this one marking, inside this migration's transaction). Deferred triggers (the page cache's
-- generation) fire at each statement's end meanwhile: a table with pending trigger events cannot be altered.
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
ALTER TABLE "norm_position_history" DISABLE TRIGGER "norm_position_history_append_only";--> statement-breakpoint
UPDATE "norm_position_history" AS h SET "recorded_by_staff" = true
FROM "users" AS u WHERE u."id" = h."recorded_by_id" AND u."role" IN ('secretariat', 'admin');--> statement-breakpoint
ALTER TABLE "norm_position_history" ENABLE TRIGGER "norm_position_history_append_only";--> statement-breakpoint
SET CONSTRAINTS ALL DEFERRED;--> statement-breakpoint
UPDATE "implementation_statements" AS s SET "recorded_by_staff" = true
FROM "users" AS u WHERE u."id" = s."recorded_by_id" AND u."role" IN ('secretariat', 'admin');--> statement-breakpoint
UPDATE "observation_replies" AS r SET "recorded_by_staff" = true
FROM "users" AS u WHERE u."id" = r."author_id" AND u."role" IN ('secretariat', 'admin');--> statement-breakpoint
-- Then every staff membership is removed, each recorded in the audit log (no person did it, so no
-- actor), and staff requests to join are withdrawn.
INSERT INTO "audit_log" ("actor_id", "action", "target_type", "target_id", "details")
SELECT NULL, 'organization.staff_membership_removed', 'organization', m."organization_id"::text,
       jsonb_build_object('name', o."name", 'userId', m."user_id", 'person', u."display_name", 'memberRole', m."role",
                          'staffRole', u."role", 'memberSince', m."created_at",
                          'reason', 'The secretariat''s neutrality rule (migration 0029)')
FROM "organization_members" AS m
JOIN "users" AS u ON u."id" = m."user_id"
JOIN "organizations" AS o ON o."id" = m."organization_id"
WHERE u."role" IN ('secretariat', 'admin');--> statement-breakpoint
DELETE FROM "organization_members" AS m USING "users" AS u
WHERE u."id" = m."user_id" AND u."role" IN ('secretariat', 'admin');--> statement-breakpoint
UPDATE "join_requests" AS j SET "status" = 'withdrawn', "decided_at" = now()
FROM "users" AS u WHERE u."id" = j."user_id" AND u."role" IN ('secretariat', 'admin') AND j."status" = 'pending';--> statement-breakpoint
-- From now on the database refuses a staff membership, and a staff role for someone who still has
-- memberships. Each side locks the person's row (the role change by its update, the membership by
-- FOR SHARE), so a membership and a role change made at the same moment cannot both pass.
CREATE OR REPLACE FUNCTION organization_members_refuse_staff() RETURNS trigger AS $$
DECLARE
  person_role text;
BEGIN
  SELECT "role"::text INTO person_role FROM "users" WHERE "id" = NEW."user_id" FOR SHARE;
  IF person_role IN ('secretariat', 'admin') THEN
    RAISE EXCEPTION 'a secretariat or admin account cannot be a member of an organisation'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'organization_members_no_staff';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "organization_members_no_staff"
  BEFORE INSERT OR UPDATE OF "user_id" ON "organization_members"
  FOR EACH ROW EXECUTE FUNCTION organization_members_refuse_staff();--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_refuse_staff_with_memberships() RETURNS trigger AS $$
BEGIN
  IF NEW."role" IN ('secretariat', 'admin') AND OLD."role" NOT IN ('secretariat', 'admin')
     AND EXISTS (SELECT 1 FROM "organization_members" WHERE "user_id" = NEW."id") THEN
    RAISE EXCEPTION 'a member of an organisation cannot take a secretariat or admin role'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'users_staff_without_memberships';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "users_staff_without_memberships"
  BEFORE UPDATE OF "role" ON "users"
  FOR EACH ROW EXECUTE FUNCTION users_refuse_staff_with_memberships();--> statement-breakpoint
-- Nor does a staff account enter positions, statements, replies or observations. Checked once per
-- statement over the rows it wrote (transition tables), so bulk loads pay one join, not one per row.
CREATE OR REPLACE FUNCTION refuse_staff_entries() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_rows AS n JOIN "users" AS u ON u."id" = (to_jsonb(n) ->> TG_ARGV[0])::uuid
    WHERE u."role" IN ('secretariat', 'admin')
  ) THEN
    RAISE EXCEPTION 'a secretariat or admin account cannot enter % for an organisation', TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_no_staff';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "norm_positions_no_staff_insert" AFTER INSERT ON "norm_positions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('recorded_by_id');--> statement-breakpoint
CREATE TRIGGER "norm_positions_no_staff_update" AFTER UPDATE ON "norm_positions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('recorded_by_id');--> statement-breakpoint
CREATE TRIGGER "norm_position_history_no_staff" AFTER INSERT ON "norm_position_history"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('recorded_by_id');--> statement-breakpoint
CREATE TRIGGER "implementation_statements_no_staff_insert" AFTER INSERT ON "implementation_statements"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('recorded_by_id');--> statement-breakpoint
CREATE TRIGGER "implementation_statements_no_staff_update" AFTER UPDATE ON "implementation_statements"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('recorded_by_id');--> statement-breakpoint
CREATE TRIGGER "observation_replies_no_staff_insert" AFTER INSERT ON "observation_replies"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('author_id');--> statement-breakpoint
CREATE TRIGGER "observation_replies_no_staff_update" AFTER UPDATE ON "observation_replies"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('author_id');--> statement-breakpoint
CREATE TRIGGER "observations_no_staff" AFTER INSERT ON "observations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_entries('reporter_id');
--> statement-breakpoint
-- /about/governance keeps every revision: append-only, and public (its page is cached).
CREATE OR REPLACE FUNCTION governance_revisions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'governance revisions are kept as published: add a new revision instead'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'governance_revisions_append_only';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "governance_revisions_append_only" BEFORE UPDATE OR DELETE ON "governance_revisions"
  FOR EACH ROW EXECUTE FUNCTION governance_revisions_refuse_change();--> statement-breakpoint
CREATE TRIGGER "governance_revisions_no_truncate" BEFORE TRUNCATE ON "governance_revisions"
  FOR EACH STATEMENT EXECUTE FUNCTION governance_revisions_refuse_change();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "governance_revisions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "governance_revisions" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

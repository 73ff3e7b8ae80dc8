-- Neutrality's rule in the database (migration 0029: no secretariat or admin account enters an
-- organisation's position or statement) on the three tables whose entries name their recorder in
-- `recorded_by_id`: the same check, reading that column directly. The shared function reads the
-- column named by its argument through to_jsonb() of the whole row, which for a position cost
-- 0.25 ms of every write (EXPLAIN ANALYZE: 0.08 + 0.25 + 0.08 ms for the three triggers a position
-- fires, 0.01 + 0.03 + 0.02 with this one), time spent while the norm's row is locked. The other
-- tables keep the shared function. Same trigger names, same error and constraint name.
CREATE OR REPLACE FUNCTION refuse_staff_recorders() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_rows AS n JOIN "users" AS u ON u."id" = n."recorded_by_id"
    WHERE u."role" IN ('secretariat', 'admin')
  ) THEN
    RAISE EXCEPTION 'a secretariat or admin account cannot enter % for an organisation', TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_no_staff';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE TRIGGER "norm_positions_no_staff_insert" AFTER INSERT ON "norm_positions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_recorders();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "norm_positions_no_staff_update" AFTER UPDATE ON "norm_positions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_recorders();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "norm_position_history_no_staff" AFTER INSERT ON "norm_position_history"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_recorders();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "implementation_statements_no_staff_insert" AFTER INSERT ON "implementation_statements"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_recorders();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "implementation_statements_no_staff_update" AFTER UPDATE ON "implementation_statements"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_staff_recorders();

-- The public history of representation (representation_terms) shows on organisation pages, so a
-- write to it moves the public generation (migration 0017) and cached pages showing it are not
-- served stale. Nominations and reminders show on no public page (server/page-cache/tables.ts).
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON "representation_terms" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON "representation_terms" FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

-- Sealed endorsement (server/domain/sealed.ts): while a norm's endorsement stage is sealed and its
-- positions are not yet revealed, no public position is written on it. Every such write goes to
-- sealed_positions instead; this refuses, whatever the code path, the one that would not (a write
-- that read the norm before the stage opened sealed, a reaffirmation). The reveal itself sets
-- normsforum.revealing for its own statement. SQLSTATE NFSEA is read by sealed.ts (isSealedRefusal).
CREATE OR REPLACE FUNCTION norm_positions_refuse_sealed() RETURNS trigger AS $$
BEGIN
  IF coalesce(current_setting('normsforum.revealing', true), '') <> 'on' AND EXISTS (
    SELECT 1 FROM norms n
    WHERE n.id = NEW.norm_id AND n.status = 'endorsement' AND n.stage_sealed AND n.stage_closed_at IS NULL
  ) THEN
    RAISE EXCEPTION 'The endorsement stage of norm % is sealed: positions are recorded sealed until it closes.', NEW.norm_id
      USING ERRCODE = 'NFSEA';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "norm_positions_not_while_sealed" BEFORE INSERT OR UPDATE ON "norm_positions"
  FOR EACH ROW EXECUTE FUNCTION norm_positions_refuse_sealed();

-- Raised inside the statement that records a position (server/domain/positions.ts, recordPosition)
-- when what it read at its start no longer holds once it has the norm's lock: the norm's status or
-- text changed meanwhile (its update matched nothing), or another request wrote the organisation's
-- first position first (the sequence written is not the next). The statement is its own
-- transaction, so the error undoes all of it; as a serialization failure it is run again.
CREATE FUNCTION position_record_again() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION 'the norm changed while the position was being recorded' USING ERRCODE = 'serialization_failure';
END;
$$;

-- The public generation (migration 0017) becomes the sum of 16 rows. Every writing transaction
-- added one to the one row as it committed, holding that row's lock through its commit, so every
-- write in the forum queued behind every other's commit: with ten writers at once the row, not the
-- rows they wrote, set the p99 of a position (docs/performance.md, "The generation in 16 rows").
-- A transaction now adds one to the row of its connection (its backend's process id modulo 16):
-- the sum still grows by one per committed writing transaction, and a reader's one statement sees
-- every committed write or none of it, as before.
ALTER TABLE "public_generation" DROP CONSTRAINT "public_generation_one_row";--> statement-breakpoint
ALTER TABLE "public_generation" ADD CONSTRAINT "public_generation_shard" CHECK ("public_generation"."id" between 1 and 16);--> statement-breakpoint
INSERT INTO "public_generation" ("id", "generation") SELECT g, 0 FROM generate_series(2, 16) AS g ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public_generation_bump() RETURNS trigger AS $$
BEGIN
  IF current_setting('norms_forum.generation_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('norms_forum.generation_bumped', txid_current()::text, true);
    UPDATE public_generation SET generation = generation + 1, changed_at = now() WHERE id = 1 + pg_backend_pid() % 16;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The clauses a reservation or objection names (numbers from 1, of the version it was given on).
-- Existing positions name none. Adding a column with a constant default rewrites no row, so the
-- history's append-only trigger (0004) is not involved.
ALTER TABLE "norm_position_history" ADD COLUMN "clauses" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "norm_positions" ADD COLUMN "clauses" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "norm_position_history" ADD CONSTRAINT "norm_position_history_clauses_chk" CHECK (1 <= all("norm_position_history"."clauses"));--> statement-breakpoint
ALTER TABLE "norm_positions" ADD CONSTRAINT "norm_positions_clauses_chk" CHECK (1 <= all("norm_positions"."clauses"));
ALTER TABLE "norms" ADD COLUMN "search_head" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "norms_public_created_idx" ON "norms" USING btree ("created_at","id") WHERE "norms"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "norms_public_bridging_idx" ON "norms" USING btree ("bridging","id") WHERE "norms"."submitted_at" is not null;--> statement-breakpoint
-- The ranking document of every existing norm: title (A) and summary (B), with the search
-- configuration of its language and slashes split, as searchHead() in server/domain/norms.ts writes it.
UPDATE "norms" SET "search_head" =
  setweight(to_tsvector(c.cfg, translate("title", '/\', '  ')), 'A') || setweight(to_tsvector(c.cfg, translate("summary", '/\', '  ')), 'B')
FROM (
  SELECT "id", (CASE lower(split_part("language", '-', 1))
    WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' WHEN 'ru' THEN 'russian'
    WHEN 'de' THEN 'german' WHEN 'pt' THEN 'portuguese' WHEN 'it' THEN 'italian' WHEN 'ar' THEN 'arabic'
    ELSE 'simple' END)::regconfig AS cfg
  FROM "norms"
) AS c
WHERE c."id" = "norms"."id";

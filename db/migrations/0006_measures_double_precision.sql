ALTER TABLE "norms" ALTER COLUMN "support" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "norms" ALTER COLUMN "bridging" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "norms" ALTER COLUMN "contestation" SET DATA TYPE double precision;
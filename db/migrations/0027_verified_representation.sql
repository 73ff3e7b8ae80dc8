ALTER TYPE "public"."email_token_purpose" ADD VALUE 'confirm_address';--> statement-breakpoint
CREATE TABLE "user_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_emails_email_lower_chk" CHECK ("user_emails"."email" = lower("user_emails"."email"))
);
--> statement-breakpoint
CREATE TABLE "organization_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_domains_domain_lower_chk" CHECK ("organization_domains"."domain" = lower("organization_domains"."domain"))
);
--> statement-breakpoint
ALTER TABLE "email_tokens" ADD COLUMN "user_email_id" uuid;--> statement-breakpoint
ALTER TABLE "organization_members" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organization_members" ADD COLUMN "exception_reason" text;--> statement-breakpoint
ALTER TABLE "organization_members" ADD COLUMN "exception_by_id" uuid;--> statement-breakpoint
ALTER TABLE "organization_members" ADD COLUMN "exception_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization_members" ADD COLUMN "reconfirm_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_emails" ADD CONSTRAINT "user_emails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_domains" ADD CONSTRAINT "organization_domains_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_domains" ADD CONSTRAINT "organization_domains_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_emails_user_id_email_key" ON "user_emails" USING btree ("user_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "user_emails_confirmed_email_key" ON "user_emails" USING btree ("email") WHERE "user_emails"."confirmed_at" is not null;--> statement-breakpoint
CREATE INDEX "user_emails_email_idx" ON "user_emails" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_domains_organization_id_domain_key" ON "organization_domains" USING btree ("organization_id","domain");--> statement-breakpoint
CREATE INDEX "organization_domains_confirmed_by_id_idx" ON "organization_domains" USING btree ("confirmed_by_id");--> statement-breakpoint
CREATE INDEX "organization_domains_unconfirmed_idx" ON "organization_domains" USING btree ("organization_id") WHERE "organization_domains"."confirmed_at" is null;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_user_email_id_user_emails_id_fk" FOREIGN KEY ("user_email_id") REFERENCES "public"."user_emails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_exception_by_id_users_id_fk" FOREIGN KEY ("exception_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_tokens_user_email_id_idx" ON "email_tokens" USING btree ("user_email_id");--> statement-breakpoint
CREATE INDEX "organization_members_exception_by_id_idx" ON "organization_members" USING btree ("exception_by_id");--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_basis_chk" CHECK ("organization_members"."role" = 'representative' or ("organization_members"."address" is null and "organization_members"."exception_reason" is null and "organization_members"."reconfirm_by" is null));--> statement-breakpoint
-- Every representative from before verified representation is kept, on an exception the
-- migration records (no person decided it, so exception_by_id stays null), and must tie the
-- representation to a confirmed address within 12 months of this migration. No domain is inferred:
-- organisations register theirs.
UPDATE "organization_members"
SET "exception_reason" = 'Representative before verified domains (migration)',
    "exception_at" = now(),
    "reconfirm_by" = now() + interval '12 months'
WHERE "role" = 'representative';
--> statement-breakpoint
-- A confirmed address belongs to one account across the forum, sign-in addresses included: the
-- partial unique index covers user_emails among themselves, this trigger each table against the other.
CREATE OR REPLACE FUNCTION user_emails_unique_across() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'user_emails' THEN
    IF NEW.confirmed_at IS NOT NULL AND EXISTS (SELECT 1 FROM users WHERE email = NEW.email) THEN
      RAISE EXCEPTION 'address % is a sign-in address', NEW.email USING ERRCODE = 'unique_violation', CONSTRAINT = 'user_emails_sign_in_address';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM user_emails WHERE email = NEW.email AND confirmed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'address % is confirmed on another account', NEW.email USING ERRCODE = 'unique_violation', CONSTRAINT = 'users_email_key';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER user_emails_unique_across BEFORE INSERT OR UPDATE OF email, confirmed_at ON user_emails FOR EACH ROW EXECUTE FUNCTION user_emails_unique_across();
--> statement-breakpoint
CREATE TRIGGER users_email_unique_across BEFORE INSERT OR UPDATE OF email ON users FOR EACH ROW EXECUTE FUNCTION user_emails_unique_across();
--> statement-breakpoint
-- The public page shows an organisation's confirmed domains (migration 0017's list).
CREATE CONSTRAINT TRIGGER public_generation_bump AFTER INSERT OR UPDATE OR DELETE ON organization_domains DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_generation_bump();
--> statement-breakpoint
CREATE TRIGGER public_generation_bump_truncate AFTER TRUNCATE ON organization_domains FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();

// Plain JavaScript so next.config.mjs can import it: validated once, at start.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // PostgreSQL server; when unset the app runs on embedded PGlite in PGLITE_DATA_DIR.
    DATABASE_URL: z.url().optional(),
    // Connections each app instance keeps to DATABASE_URL, and the longest a statement may run.
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
    // Statements are prepared once per connection (db/connect.ts); false behind a pooler in
    // transaction mode (PgBouncer before 1.21), which cannot keep them.
    DATABASE_PREPARE: bool.optional(),
    PGLITE_DATA_DIR: z.string().default(".data/pglite"),
    // Folder for files the app keeps for itself in embedded mode (the generated dev AUTH_SECRET).
    DATA_DIR: z.string().default(".data"),
    // Required in production; generated once into DATA_DIR otherwise.
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    // The public address. Required in production (server.ts and the middleware refuse to serve
    // without it); in development, unset, links follow the address each request was sent to.
    APP_URL: z.url().optional(),
    // Where vulnerability reports go, in /.well-known/security.txt and on /security: a mailto: or
    // https: address. Unset: mailto:security@ the host of APP_URL.
    SECURITY_CONTACT: z
      .string()
      .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "SECURITY_CONTACT must be a mailto: or https:// address where vulnerability reports go")
      .optional(),
    // smtp://user:pass@host:port; without it, development writes each message to the server log.
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Norms Forum <no-reply@normsforum.example>"),
    // Load demo organisations and accounts. Defaults to on outside production.
    SEED_DEMO: bool.optional(),
    // How many proxies of yours (load balancer, CDN) stand in front of server.ts; each appends to
    // X-Forwarded-For. 0: clients connect directly, and only the TCP peer address is believed.
    TRUSTED_PROXIES: z
      .string()
      .regex(/^\d{1,2}$/, "TRUSTED_PROXIES must be a whole number from 0 to 99: how many proxies of yours stand in front of the app")
      .default("0")
      .transform(Number),
    // The cache of public pages for people not signed in (server.ts; docs/performance.md). On by
    // default with DATABASE_URL; the embedded database runs without it.
    PAGE_CACHE: bool.optional(),
    PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
    // Searches one client address may start per minute on one instance (server/search-throttle.ts);
    // raise it when many people share one address (an office behind one gateway).
    SEARCHES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120), // DEFAULT_SEARCHES_PER_MINUTE
    // How often the scheduled work runs (server/tick.ts: closing stages on their date, reminders,
    // digests), in seconds, rounded to whole minutes: the job queue's cron puts one tick on the queue
    // per interval across all instances. 0 turns the schedule off (the stages stay closed by date
    // all the same; tests run the tick themselves).
    TICK_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    // Seconds before a refused notification mail is tried again; each later retry waits longer.
    MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    // End-to-end tests only: lets the `testing.setClock` procedure set the forum's clock. The app
    // refuses to start with it unless through server.ts on loopback (server/test-clock.ts).
    TEST_CLOCK: bool.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "true",
});

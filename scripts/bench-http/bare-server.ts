// The database's limit for `npm run bench:http` (scripts/bench-http.ts): a bare Node `http`
// server over postgres.js, with the pool the app opens (db/connect.ts: DATABASE_POOL_MAX
// connections, the same statement timeout, unprepared statements as drizzle sends them), serving
// SQL captured from the app's own domain functions. No framework, no validation, no mapping.
//   GET /list    the statements of the API's list by status (keyset, limit 20)
//   GET /search  the statements of a date-ordered one-word search
// Started by the benchmark with BENCH_PORT, DATABASE_URL and BENCH_QUERIES (JSON); never served.
import { createServer } from "node:http";
import postgres from "postgres";

interface Statement {
  sql: string;
  params: unknown[];
}

const queries = JSON.parse(process.env.BENCH_QUERIES ?? "{}") as Record<string, Statement[]>;
const port = Number(process.env.BENCH_PORT);
const url = process.env.DATABASE_URL;
if (!url || !port) {
  console.error("bare-server needs DATABASE_URL and BENCH_PORT.");
  process.exit(1);
}
const statementTimeout = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000);
const client = postgres(url, {
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  connect_timeout: 5,
  idle_timeout: 60,
  connection: statementTimeout ? { statement_timeout: statementTimeout } : {},
  onnotice: () => {},
});

const server = createServer((req, res) => {
  const statements = queries[(req.url ?? "/").slice(1)];
  if (!statements) {
    res.writeHead(404).end();
    return;
  }
  void (async () => {
    try {
      const results = [];
      for (const { sql, params } of statements) results.push(await client.unsafe(sql, params as never[]));
      const body = JSON.stringify(results.length === 1 ? results[0] : results);
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end((error as Error).message);
    }
  })();
});

server.listen(port, "127.0.0.1", () => console.log(`bare server ready on port ${port}`));
const stop = () => server.close(() => void client.end({ timeout: 2 }).then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

// Bulk loading into either driver, inside one transaction: COPY FROM STDIN streamed over
// postgres.js on PostgreSQL (generation and loading overlap, one core each), and COPY from a
// Blob on PGlite, flushed every few megabytes. Rows are written in COPY's text format.
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type { Writable } from "node:stream";
import type { Sql, TransactionSql } from "postgres";
import type { Database } from "~/db/connect";

export type CopyValue = string | number | boolean | null;

/** COPY text format: backslash, tab, newline and carriage return escaped; null is \N. */
function field(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value;
}

export interface CopyWriter {
  /** Adds a row; when it returns a promise, await it before the next row (back-pressure). */
  row(values: CopyValue[]): Promise<void> | undefined;
  end(): Promise<void>;
  readonly rows: number;
}

export interface Loader {
  kind: Database["kind"];
  /** Runs one statement in the load's transaction and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: readonly string[]): Promise<CopyWriter>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `copy ${quote(table)} (${columns.map(quote).join(", ")}) from ${source}`;

const STREAM_BATCH = 64 * 1024;
const BLOB_BATCH = 8 * 1024 * 1024;

function postgresLoader(tx: TransactionSql): Loader {
  return {
    kind: "postgres",
    async query<T>(text: string, params: unknown[] = []) {
      return (await tx.unsafe(text, params as never[])) as unknown as T[];
    },
    async copy(table, columns) {
      // When the database refuses a row, postgres.js rejects the COPY query (whose promise has
      // already resolved to the stream) and never finishes the stream: pass the error on to it.
      const query = tx.unsafe(copyStatement(table, columns, "stdin")) as unknown as { reject: (error: Error) => void; writable(): Promise<Writable> };
      let stream: Writable | null = null;
      const rejectQuery = query.reject;
      if (typeof rejectQuery !== "function") throw new Error("postgres.js no longer exposes a query's reject(); see how it reports a failed COPY before loading.");
      query.reject = (error) => {
        stream?.destroy(error);
        rejectQuery(error);
      };
      stream = await query.writable();
      const finished = new Promise<void>((resolve, reject) => {
        stream!.on("finish", resolve);
        stream!.on("error", reject);
      });
      finished.catch(() => {});
      const drained = () =>
        new Promise<void>((resolve, reject) => {
          const onDrain = () => {
            stream!.off("error", onError);
            resolve();
          };
          const onError = (error: Error) => {
            stream!.off("drain", onDrain);
            reject(error);
          };
          stream!.once("drain", onDrain);
          stream!.once("error", onError);
        });
      let buffer = "";
      let rows = 0;
      const flush = () => {
        const ok = stream!.write(buffer);
        buffer = "";
        return ok ? undefined : drained();
      };
      return {
        get rows() {
          return rows;
        },
        row(values) {
          buffer += values.map(field).join("\t") + "\n";
          rows++;
          return buffer.length >= STREAM_BATCH ? flush() : undefined;
        },
        async end() {
          if (buffer) await flush();
          stream!.end();
          await finished;
        },
      };
    },
  };
}

function pgliteLoader(tx: PgliteTransaction): Loader {
  return {
    kind: "pglite",
    async query<T>(text: string, params: unknown[] = []) {
      return (await tx.query<T>(text, params)).rows;
    },
    async copy(table, columns) {
      const statement = copyStatement(table, columns, "'/dev/blob'");
      let parts: string[] = [];
      let size = 0;
      let rows = 0;
      const flush = async () => {
        const blob = new Blob(parts);
        parts = [];
        size = 0;
        await tx.query(statement, [], { blob });
      };
      return {
        get rows() {
          return rows;
        },
        row(values) {
          const line = values.map(field).join("\t") + "\n";
          parts.push(line);
          size += line.length;
          rows++;
          return size >= BLOB_BATCH ? flush() : undefined;
        },
        async end() {
          if (size > 0) await flush();
        },
      };
    },
  };
}

/** Runs `load` in one transaction on the database's own connection, whichever driver it is. */
export async function withLoader<T>(database: Database, load: (loader: Loader) => Promise<T>): Promise<T> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === "postgres") {
    const sql = client as Sql;
    return (await sql.begin(async (tx) => {
      // A load runs for minutes; the app's per-statement limit is for requests, not for this.
      await tx.unsafe("set local statement_timeout = 0");
      return load(postgresLoader(tx));
    })) as T;
  }
  return (client as PGlite).transaction((tx) => load(pgliteLoader(tx)));
}

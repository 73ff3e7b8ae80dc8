import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openPglite } from "~/db/connect";
import { FolderInUseError, lockPathOf } from "~/db/pglite-lock";

// The embedded database must survive `next dev` restarting its server process: one live opener
// per folder, a dead one's lock taken over, committed rows kept and uncommitted ones gone.

const children: ChildProcess[] = [];
const folders: string[] = [];

function newFolder() {
  const dir = mkdtempSync(path.join(tmpdir(), "nf-pglite-lock-"));
  folders.push(dir);
  return path.join(dir, "pglite");
}

/** Starts a process holding `dataDir` with an open transaction; resolves once it is ready. */
function startHolder(dataDir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/pglite-holder.ts", dataDir], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`holder exited (${code}) before it was ready: ${err}`)));
  });
}

async function keptIds(database: Database) {
  const result = (await database.db.execute(sql`select id from kept order by id`)) as unknown as { rows: { id: number }[] };
  return result.rows.map((r) => r.id);
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    await exited(child);
  }
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database folder lock", () => {
  it("refuses a second live opener with a message naming the process", async () => {
    const dataDir = newFolder();
    const holder = await startHolder(dataDir);
    expect(JSON.parse(readFileSync(lockPathOf(dataDir), "utf8")).pid).toBe(holder.pid);
    const refusal = await openPglite(dataDir, { lockWaitMs: 300 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FolderInUseError);
    expect((refusal as Error).message).toContain(`pid ${holder.pid}`);
    expect((refusal as Error).message).toContain("PGLITE_DATA_DIR");
  });

  it("waits for the previous process to close the folder, then opens it", async () => {
    const dataDir = newFolder();
    const holder = await startHolder(dataDir);
    const opening = openPglite(dataDir, { lockWaitMs: 10_000 });
    holder.kill("SIGTERM");
    const database = await opening;
    try {
      expect(await keptIds(database)).toEqual([1, 2, 3]);
    } finally {
      await database.close();
    }
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
  });

  it("after a process is killed mid-transaction, keeps the committed rows and drops the uncommitted ones", async () => {
    const dataDir = newFolder();
    const holder = await startHolder(dataDir);
    holder.kill("SIGKILL");
    await exited(holder);
    // The dead process's lock is still there; it is taken over at once, without waiting.
    expect(existsSync(lockPathOf(dataDir))).toBe(true);
    const started = Date.now();
    const database = await openPglite(dataDir, { lockWaitMs: 10_000 });
    try {
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(await keptIds(database)).toEqual([1, 2, 3]);
      // The folder is fully usable afterwards.
      await database.db.execute(sql`insert into kept values (4)`);
    } finally {
      await database.close();
    }
  });
});

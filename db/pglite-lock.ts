import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

// PGlite has no lock between processes: two processes that open one folder both write to it and
// corrupt it. `next dev` restarts its server process when it nears its memory threshold, and the
// new process may start before the old one has let go. So the folder carries a lock file naming
// its owner: a new opener waits for a live owner to leave, takes over from a dead one, and refuses
// with a clear message when the owner stays.

export interface FolderLock {
  path: string;
  release(): void;
}

interface Owner {
  pid: number;
  token: string;
}

export class FolderInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
        "Stop that process, or set PGLITE_DATA_DIR to another folder.",
    );
    this.name = "FolderInUseError";
  }
}

export const lockPathOf = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

function readOwner(lockPath: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<Owner>;
    return typeof owner.pid === "number" && typeof owner.token === "string" ? (owner as Owner) : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryCreate(lockPath: string, owner: Owner) {
  try {
    const fd = openSync(lockPath, "wx");
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function removeIfOwnedBy(lockPath: string, token: string) {
  if (readOwner(lockPath)?.token !== token) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the folder's lock for this process, waiting up to `waitMs` for a live owner to release it.
 * A lock left by a process that no longer runs (killed, crashed) is taken over at once.
 */
export async function lockFolder(dataDir: string, { waitMs = 10_000, pollMs = 100 } = {}): Promise<FolderLock> {
  const lockPath = lockPathOf(dataDir);
  const owner: Owner = { pid: process.pid, token: randomBytes(12).toString("hex") };
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(lockPath, owner)) break;
    const current = readOwner(lockPath);
    if (!current) {
      // Unreadable: a process died between creating and writing it, or it is being written now.
      await sleep(pollMs);
      const again = readOwner(lockPath);
      if (!again) removeStale(lockPath);
      continue;
    }
    if (current.pid !== process.pid && !isAlive(current.pid)) {
      removeIfOwnedBy(lockPath, current.token);
      continue;
    }
    if (Date.now() >= deadline) throw new FolderInUseError(dataDir, current.pid);
    await sleep(pollMs);
  }
  const onExit = () => removeIfOwnedBy(lockPath, owner.token);
  process.once("exit", onExit);
  return {
    path: lockPath,
    release() {
      process.removeListener("exit", onExit);
      removeIfOwnedBy(lockPath, owner.token);
    },
  };
}

function removeStale(lockPath: string) {
  try {
    unlinkSync(lockPath);
  } catch {
    // Someone else removed it first.
  }
}

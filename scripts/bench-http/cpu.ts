// Processor time by process, read from /proc (Linux), so a measure can say what one request cost
// the server, PostgreSQL and the load generator. On two cores shared by all three, that sum, not
// any one of them, sets how many requests a second can be answered, and so (at n connections, by
// Little's law) how long a request waits: n ÷ that rate. Elsewhere (no /proc) nothing is measured.
import { readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";

/** Clock ticks a second, as /proc counts processor time (100 on Linux, read once). */
const ticksPerSecond = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

interface ProcStat {
  pid: number;
  ppid: number;
  name: string;
  /** User and system time so far, in milliseconds. */
  ms: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name is in parentheses and may hold spaces: the fields after it are split.
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    return {
      pid,
      ppid: Number(fields[1]),
      name: text.slice(text.indexOf("(") + 1, close),
      ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond,
    };
  } catch {
    return null; // Ended meanwhile, or no /proc.
  }
}

function allStats(): ProcStat[] {
  let pids: number[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
  return pids.map(readStat).filter((s): s is ProcStat => s !== null);
}

/** Processor time so far of `root` and every process under it; of PostgreSQL's processes on this machine; and of this process. */
export function processorTime(root: number | undefined) {
  const stats = allStats();
  if (stats.length === 0) return null;
  const tree = new Set(root === undefined ? [] : [root]);
  // Parents come before children often but not always: repeat until nothing joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (tree.has(s.pid) || !tree.has(s.ppid)) continue;
      tree.add(s.pid);
      grew = true;
    }
  }
  const sum = (pick: (s: ProcStat) => boolean) => stats.filter(pick).reduce((total, s) => total + s.ms, 0);
  return {
    server: sum((s) => tree.has(s.pid)),
    postgres: sum((s) => s.name === "postgres"),
    loadGenerator: sum((s) => s.pid === process.pid),
  };
}

export type ProcessorTime = NonNullable<ReturnType<typeof processorTime>>;

/** Milliseconds of processor per request between two readings, or null when either is missing. */
export function perRequest(before: ProcessorTime | null, after: ProcessorTime | null, requests: number) {
  if (!before || !after || requests === 0) return null;
  const each = (key: keyof ProcessorTime) => (after[key] - before[key]) / requests;
  return { server: each("server"), postgres: each("postgres"), loadGenerator: each("loadGenerator") };
}

/**
 * The most requests a second the machine's processors allow when each costs `msPerRequest` of
 * processor in all (every process on the same CPUs).
 */
export const mostPerSecond = (msPerRequest: number) => (cpus().length * 1000) / msPerRequest;

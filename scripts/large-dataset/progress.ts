// A text progress bar per table on stderr: redrawn in place on a terminal, one line per table
// (and one every 10 %) when stderr is a file or a pipe.
export interface Progress {
  start(table: string, total: number): void;
  tick(n?: number): void;
  done(): void;
  note(message: string): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, done() {}, note() {} };

const WIDTH = 30;
const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let table = "";
  let total = 0;
  let count = 0;
  let startedAt = 0;
  let lastDraw = 0;
  let lastDecile = -1;

  const line = () => {
    const share = total > 0 ? Math.min(1, count / total) : 1;
    const filled = Math.round(share * WIDTH);
    const seconds = (performance.now() - startedAt) / 1000;
    const rate = seconds > 0 ? count / seconds : 0;
    return `${table.padEnd(24)} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${fmt(count)}/${fmt(total)} ${fmt(rate)} rows/s ${seconds.toFixed(1)} s`;
  };
  const draw = (force = false) => {
    const now = performance.now();
    if (tty) {
      if (force || now - lastDraw > 200) {
        stream.write(`\r${line()}`);
        lastDraw = now;
      }
      return;
    }
    // Without a terminal, a line every 10 % of the larger tables is enough to see it move.
    const decile = total > 0 ? Math.floor((count / total) * 10) : 10;
    if (decile > lastDecile) {
      if (!force && total >= 100_000 && decile < 10) stream.write(`${line()}\n`);
      lastDecile = decile;
    }
  };

  return {
    start(name, n) {
      table = name;
      total = n;
      count = 0;
      startedAt = performance.now();
      lastDraw = 0;
      lastDecile = -1;
      draw(true);
    },
    tick(n = 1) {
      count += n;
      draw();
    },
    done() {
      total = Math.max(total, count);
      stream.write(tty ? `\r${line()}\n` : `${line()}\n`);
    },
    note(message) {
      stream.write(`${message}\n`);
    },
  };
}

// First-load JavaScript of every page of a production build, gzipped, as a browser fetches it on
// a first visit: the framework's files, every layout above the page, and the page's own chunks,
// each file counted once. `npm run budget:js` prints the table; tests/system/js-budget.test.ts
// holds every public page to its budget (docs/performance.md, "Page budgets").
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The budget for a public page's first-load JavaScript, gzipped. */
export const BUDGET_KB = 150;

/** Pages for signed-in people and staff: outside the public budget (they are measured all the same). */
const PRIVATE = [/^\/account/, /^\/admin/, /^\/secretariat/, /^\/norms\/new$/, /^\/norms\/mine$/, /\/edit$/, /^\/organizations\/(new|mine)/, /^\/organizations\/\[slug\]\/manage/];

export interface PageWeight {
  route: string;
  kb: number;
  public: boolean;
}

/** "/norms/(list)/page" → "/norms"; "/page" → "/". */
const routeOf = (key: string) => key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";

export function firstLoadJs(distDir = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next")): PageWeight[] {
  const manifestFile = path.join(distDir, "app-build-manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  const pages = (JSON.parse(readFileSync(manifestFile, "utf8")) as { pages: Record<string, string[]> }).pages;
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const layouts = Object.keys(pages).filter((k) => k.endsWith("/layout"));
  return Object.keys(pages)
    .filter((k) => k.endsWith("/page") && !k.startsWith("/_"))
    .map((key) => {
      const dir = key.slice(0, -"/page".length);
      const above = layouts.filter((l) => {
        const layoutDir = l.slice(0, -"/layout".length);
        return dir === layoutDir || dir.startsWith(`${layoutDir}/`);
      });
      const files = new Set([...above, key].flatMap((k) => pages[k]!).filter((f) => f.endsWith(".js")));
      const route = routeOf(key);
      const kb = [...files].reduce((n, f) => n + gz(f), 0) / 1024;
      return { route, kb: Math.round(kb * 10) / 10, public: !PRIVATE.some((p) => p.test(route)) };
    })
    .sort((a, b) => b.kb - a.kb);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const weights = firstLoadJs();
  const over = weights.filter((w) => w.public && w.kb > BUDGET_KB);
  console.log("| page | first-load JS (kB, gzip) | public | within 150 kB |\n|---|---|---|---|");
  for (const w of weights) console.log(`| ${w.route} | ${w.kb.toFixed(1)} | ${w.public ? "yes" : "no"} | ${w.public ? (w.kb <= BUDGET_KB ? "yes" : "no") : "—"} |`);
  console.log(`\nbudget:js: ${weights.filter((w) => w.public).length - over.length} of ${weights.filter((w) => w.public).length} public pages within ${BUDGET_KB} kB.`);
}

// The address of Source Sans 3's Latin face in this build, so the root layout can preload it: the
// stylesheet names it (/_next/static/media/source-sans-3-latin-wght-normal.<hash>.woff2), and
// without a preload the browser asks for it only once it has the stylesheet and has laid out text
// that uses it. Found once per process in the build's media folder; none in a folder without it.
import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";

const LATIN_FACE = /^source-sans-3-latin-wght-normal\.[0-9a-f]+\.woff2$/;

let found: string | null | undefined;

export function latinFontHref(): string | null {
  if (found === undefined) {
    const media = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static", "media");
    let names: string[] = [];
    try {
      names = readdirSync(media);
    } catch {
      // No build here (a test renders the layout): nothing to preload.
    }
    const name = names.filter((n) => LATIN_FACE.test(n)).sort()[0];
    found = name ? `/_next/static/media/${name}` : null;
  }
  return found;
}

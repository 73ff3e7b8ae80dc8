// The Arabic and Chinese faces (issue 20), served from their npm packages (no network at build or
// run time): /fonts/<family>/index.css, with its faces' addresses pointing here, and each face's
// woff2 file. Only Arabic and Chinese pages link the stylesheet (app/layout.tsx): declared on every
// page, the switcher's "العربية" and "中文" would make every English page fetch both faces.
import { readFile } from "node:fs/promises";
import path from "node:path";

const FAMILIES: Record<string, string> = {
  "noto-sans-arabic": "@fontsource-variable/noto-sans-arabic",
  "noto-sans-sc": "@fontsource-variable/noto-sans-sc",
};

/** A face's file name as the package names it; nothing else is read. */
const FACE = /^[a-z0-9-]{1,80}\.woff2$/;
const CACHE = "public, max-age=604800, stale-while-revalidate=86400";

export async function GET(_request: Request, { params }: { params: Promise<{ family: string; file: string }> }) {
  const { family, file } = await params;
  const pkg = FAMILIES[family];
  if (!pkg || (file !== "index.css" && !FACE.test(file))) return new Response("Not found", { status: 404 });
  const root = path.join(process.cwd(), "node_modules", pkg);
  try {
    if (file === "index.css") {
      const css = (await readFile(path.join(root, "index.css"), "utf8")).replaceAll("url(./files/", `url(/fonts/${family}/`);
      return new Response(css, { headers: { "content-type": "text/css; charset=utf-8", "cache-control": CACHE } });
    }
    const face = await readFile(path.join(root, "files", file));
    return new Response(new Uint8Array(face), { headers: { "content-type": "font/woff2", "cache-control": CACHE } });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}

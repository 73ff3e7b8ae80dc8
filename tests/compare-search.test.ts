import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { norms } from "~/db/schema";
import { seed } from "~/db/seed";
import { COMPARE_SEARCH_LIMIT } from "~/server/domain/compare";
import { parseCompareItem, splitItemsParam } from "~/server/schemas/compare";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
let drafts: { slug: string; title: string; proposerId: string }[];
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
  drafts = await database.db
    .select({ slug: norms.slug, title: norms.title, proposerId: norms.proposerId })
    .from(norms)
    .where(eq(norms.status, "draft"));
});
afterAll(() => database.close());

const PUBLIC_CORE = "protecting-the-public-core-of-the-internet";
const visitor = () => callerAs(database.db, null);

async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("compare items", () => {
  it("parses reference norms and proposals at a version, and refuses anything else", () => {
    expect(parseCompareItem("ref:ungge-f")).toEqual({ kind: "reference", raw: "ref:ungge-f", id: "ungge-f" });
    expect(parseCompareItem(`norm:${PUBLIC_CORE}@3`)).toMatchObject({ kind: "proposal", slug: PUBLIC_CORE, version: 3 });
    expect(parseCompareItem(`norm:${PUBLIC_CORE}`)).toMatchObject({ version: null });
    for (const bad of ["ungge-f", "ref:", "norm:x@0", "norm:Upper", "norm:x@v2"]) expect(parseCompareItem(bad)).toBeNull();
    expect(splitItemsParam(["ref:a,ref:b", " norm:c "])).toEqual(["ref:a", "ref:b", "norm:c"]);
  });
});

describe("references.compare", () => {
  it("compares two reference norms with one word-level diff", async () => {
    const result = await (await visitor()).references.compare({ items: ["ref:ungge-f", "ref:usg-2"] });
    expect(result.items.map((i) => [i.kind, i.link])).toEqual([
      ["reference", "/reference/norms/ungge-f"],
      ["reference", "/reference/norms/usg-2"],
    ]);
    expect(result.items[0]!.label).toMatch(/\S/);
    expect(result.diffs).toHaveLength(1);
    const [diff] = result.diffs;
    expect(diff).toMatchObject({ a: 0, b: 1 });
    expect(diff!.parts.filter((p) => p.type !== "insert").map((p) => p.text).join("")).toBe(result.items[0]!.text);
    expect(diff!.parts.filter((p) => p.type !== "delete").map((p) => p.text).join("")).toBe(result.items[1]!.text);
  });

  it("compares a proposal at version 1 with its version 3, the current one by default", async () => {
    const caller = await visitor();
    const result = await caller.references.compare({ items: [`norm:${PUBLIC_CORE}@1`, `norm:${PUBLIC_CORE}@3`, `norm:${PUBLIC_CORE}`] });
    expect(result.items.map((i) => i.version)).toEqual([1, 3, 3]);
    expect(result.items[0]!.label).toBe("Protecting the public core of the Internet, version 1");
    expect(result.items[0]!.link).toBe(`/norms/${PUBLIC_CORE}/v/1`);
    expect(result.items[0]!.text).toContain("\n\n");
    expect(result.diffs.map((d) => [d.a, d.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(result.diffs[0]!.parts.some((p) => p.type !== "equal")).toBe(true);
    expect(result.diffs[2]!.parts.every((p) => p.type === "equal")).toBe(true);
  });

  it("treats a draft as not found, even for its author", async () => {
    const draft = drafts[0]!;
    for (const caller of [await visitor(), await callerAs(database.db, { id: draft.proposerId })]) {
      const error = await failure(caller.references.compare({ items: ["ref:ungge-f", `norm:${draft.slug}`] }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toContain(draft.slug);
    }
  });

  it("names an unknown reference norm, proposal or version", async () => {
    const caller = await visitor();
    for (const [item, text] of [
      ["ref:no-such-norm", "no-such-norm"],
      ["norm:no-such-proposal", "no-such-proposal"],
      [`norm:${PUBLIC_CORE}@99`, "Version 99"],
    ] as const) {
      const error = await failure(caller.references.compare({ items: ["ref:ungge-f", item] }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toContain(text);
    }
  });

  it("refuses fewer than two, more than four and malformed items", async () => {
    const caller = await visitor();
    const five = ["ref:ungge-f", "ref:usg-2", "ref:ungge-f", "ref:usg-2", "ref:ungge-f"];
    for (const [items, text] of [
      [five, "at most four"],
      [["ref:ungge-f"], "at least two"],
      [["ref:ungge-f", "not an item"], "not an item"],
    ] as const) {
      const error = await failure(caller.references.compare({ items: [...items] }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(text);
    }
  });
});

describe("search.all", () => {
  it("finds reference norms and proposals for “infrastructure”, never drafts", async () => {
    const result = await (await visitor()).search.all({ q: "infrastructure" });
    expect(result.referenceNorms.count).toBeGreaterThan(0);
    expect(result.referenceNorms.items.length).toBe(Math.min(10, result.referenceNorms.count));
    expect(result.referenceNorms.items.every((n) => /infrastructure/i.test(`${n.display} ${n.text}`))).toBe(true);
    expect(result.proposals.count).toBeGreaterThan(0);
    expect(result.proposals.items.length).toBeLessThanOrEqual(10);
    expect(result.proposals.items.every((n) => n.status !== "draft")).toBe(true);
    const draftSlugs = drafts.map((d) => d.slug);
    expect(result.proposals.items.some((n) => draftSlugs.includes(n.slug))).toBe(false);
  });

  it("never finds a draft by its own title", async () => {
    const draft = drafts[0]!;
    const result = await (await callerAs(database.db, { id: draft.proposerId })).search.all({ q: draft.title });
    expect(result.proposals.items.map((n) => n.slug)).not.toContain(draft.slug);
  });

  it("finds organisations by name, and forums", async () => {
    const caller = await visitor();
    const orgs = await caller.search.all({ q: "open networks" });
    expect(orgs.organizations.items.map((o) => o.name)).toEqual(expect.arrayContaining(["Open Networks Ltd"]));
    expect(orgs.organizations.count).toBe(orgs.organizations.items.length);
    const forums = await caller.search.all({ q: "GGE" });
    expect(forums.forums.count).toBeGreaterThan(0);
  });

  it("treats LIKE wildcards literally and refuses a one-letter query", async () => {
    const caller = await visitor();
    const result = await caller.search.all({ q: "%%" });
    expect(result.referenceNorms.count + result.organizations.count + result.forums.count).toBe(0);
    expect((await failure(caller.search.all({ q: "a" }))).code).toBe("BAD_REQUEST");
  });
});

describe("references.compareChoices", () => {
  it("finds public proposals by title with every version, newest first, and reference norms", async () => {
    const result = await (await visitor()).references.compareChoices({ q: "public core" });
    const core = result.proposals.find((p) => p.slug === PUBLIC_CORE);
    expect(core).toMatchObject({ title: "Protecting the public core of the Internet", currentVersion: 3 });
    expect(core!.versions.map((v) => v.item)).toEqual([`norm:${PUBLIC_CORE}@3`, `norm:${PUBLIC_CORE}@2`, `norm:${PUBLIC_CORE}@1`]);
    const refs = await (await visitor()).references.compareChoices({ q: "UN GGE 13(f)" });
    expect(refs.referenceNorms.map((r) => r.item)).toContain("ref:ungge-f");
    expect(refs.referenceNorms[0]!.document).toMatch(/\S/);
  });

  it("never offers a draft, not even to its author searching its exact title", async () => {
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      for (const caller of [await visitor(), await callerAs(database.db, { id: draft.proposerId })]) {
        const result = await caller.references.compareChoices({ q: draft.title.slice(0, 100) });
        expect(result.proposals.map((p) => p.slug)).not.toContain(draft.slug);
      }
    }
    // Everything offered is public.
    const all = await (await visitor()).references.compareChoices({ q: "th" });
    const offered = await database.db.select({ slug: norms.slug, submittedAt: norms.submittedAt }).from(norms);
    const submitted = new Map(offered.map((n) => [n.slug, n.submittedAt]));
    expect(all.proposals.length).toBeGreaterThan(0);
    for (const p of all.proposals) expect(submitted.get(p.slug)).not.toBeNull();
  });

  it("returns at most a few of each, treats wildcards literally, and refuses bad input", async () => {
    const caller = await visitor();
    const many = await caller.references.compareChoices({ q: "in" });
    expect(many.proposals.length).toBeLessThanOrEqual(COMPARE_SEARCH_LIMIT);
    expect(many.referenceNorms.length).toBeLessThanOrEqual(COMPARE_SEARCH_LIMIT);
    const wild = await caller.references.compareChoices({ q: "%%" });
    expect(wild.proposals.length + wild.referenceNorms.length).toBe(0);
    for (const input of [{ q: "a" }, { q: "x".repeat(101) }, { q: "core", extra: 1 }]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately wrong input
      expect((await failure(caller.references.compareChoices(input as any))).code).toBe("BAD_REQUEST");
    }
  });
});

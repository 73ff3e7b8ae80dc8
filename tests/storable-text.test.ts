import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { findUnstorable, isStorable, UNSTORABLE_MESSAGE } from "~/server/input-text";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf } from "./support/errors";

// PostgreSQL refuses U+0000 in text and jsonb, and an unpaired surrogate in jsonb; found by the
// hostile-input e2e corpus, where a title with the one and a clause with the other answered 500.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const norm = {
  title: "Protecting hospital networks",
  summary: "States should not impair the networks that hospitals depend on.",
  clauses: ["States should not knowingly impair hospital networks."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
};

describe("text PostgreSQL cannot store", () => {
  it("is refused as bad input naming the field, for writes and for searches, not a 500", async () => {
    const api = await callerAs(database.db, await createUser(database.db));
    const title = await failure(api.norms.create({ ...norm, title: "Protecting\u0000 hospital networks" }));
    expect(title.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(title)).toEqual({ title: UNSTORABLE_MESSAGE });
    const clause = await failure(api.norms.create({ ...norm, clauses: ["Fine.", "Not\u0000 fine."] }));
    expect(clause.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(clause)).toEqual({ clauses: UNSTORABLE_MESSAGE });

    const visitor = await callerAs(database.db, null);
    expect((await failure(visitor.norms.list({ q: "hospital\u0000" }))).code).toBe("BAD_REQUEST");
    expect((await failure(visitor.search.all({ q: "\u0000\u0000" }))).code).toBe("BAD_REQUEST");
    expect((await failure(api.account.updateProfile({ displayName: "A\u0000B" }))).code).toBe("BAD_REQUEST");

    const surrogate = await failure(api.norms.create({ ...norm, clauses: ["A broken \ud800 character."] }));
    expect(surrogate.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(surrogate)).toEqual({ clauses: UNSTORABLE_MESSAGE });
    expect(fieldErrorsOf(await failure(api.norms.create({ ...norm, summary: "A summary ending in half a pair \udfff." })))).toEqual({ summary: UNSTORABLE_MESSAGE });

    // Text without them is stored as typed, other odd characters (and whole pairs) included.
    const typed = "Protecting \u202Ehospital\u200B networks 👩‍👩‍👧 \uFEFF";
    const created = await api.norms.create({ ...norm, title: typed, clauses: ["Emoji 🇰🇪 and bidi \u2066x\u2069 stay."] });
    const stored = await api.norms.get({ slug: created.slug });
    expect(stored.title).toBe(typed.trim());
    expect(stored.clauses).toEqual(["Emoji 🇰🇪 and bidi \u2066x\u2069 stay."]);
  });
});

describe("findUnstorable", () => {
  it("tells whole surrogate pairs from broken ones", () => {
    expect(isStorable("🇰🇪 \uD83D\uDE00")).toBe(true);
    for (const broken of ["\uD800", "a\uDC00", "\uDBFFx", "\uDC00\uD800", "\u0000"]) expect(isStorable(broken), JSON.stringify(broken)).toBe(false);
  });

  it("finds the path of the first string holding U+0000 or a broken pair, in keys too", () => {
    expect(findUnstorable({ a: "ok", b: ["ok", { c: "x\u0000" }] })).toEqual(["b", 1, "c"]);
    expect(findUnstorable({ ["k\u0000"]: 1 })).toEqual(["k\u0000"]);
    expect(findUnstorable("\u0000")).toEqual([]);
    expect(findUnstorable({ a: ["ok", "\uD800"] })).toEqual(["a", 1]);
    expect(findUnstorable({ a: "ok", n: 1, d: null, u: undefined, t: true })).toBeNull();
  });

  it("walks a deeply nested input in linear time, without overflowing the stack", () => {
    const started = performance.now();
    let deep: unknown = "bottom\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorable(deep)).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

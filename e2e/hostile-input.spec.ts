import type { APIResponse, Browser, Page } from "@playwright/test";
import { pdfPageTexts } from "../server/stocktake-pdf/pdf-text";
import { demo, expect, open, signIn, test } from "./support/fixtures";
import { ofKind, pack, payloads, texts, unstorable } from "./support/hostile-payloads";

// Issue 13, section 2.2: the corpus goes in through every text field, as the roles who can write
// it, over HTTP (tRPC with a signed-in session); then every page that shows it is rendered in
// Chromium, which must run no script, open no dialog and report no CSP violation; search answers
// each payload; the CSV downloads and the stock-take PDF carry them as inert text.

test.describe.configure({ mode: "serial" });

const KENYA = "Ministry of Foreign Affairs of Kenya";
const DRC = "Digital Rights Collective";
const OPEN_NETWORKS = "Open Networks Ltd";
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// tRPC over HTTP, as the browser's client sends it (superjson: the input under "json").

interface TrpcAnswer {
  status: number;
  data: unknown;
  message?: string;
  fieldErrors?: Record<string, string> | null;
}

/** Every status any call answered, by procedure: none may be a 5xx. */
const statuses: { path: string; status: number; message?: string }[] = [];

async function trpc(page: Page, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<TrpcAnswer> {
  const body = JSON.stringify({ json: input });
  const response: APIResponse =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(body)}`)
      : await page.request.post(`/api/trpc/${path}`, { data: body, headers: { "content-type": "application/json" } });
  const json = (await response.json().catch(() => null)) as {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message?: string; data?: { fieldErrors?: Record<string, string> | null } } };
  } | null;
  const answer = {
    status: response.status(),
    data: json?.result?.data?.json,
    message: json?.error?.json?.message,
    fieldErrors: json?.error?.json?.data?.fieldErrors,
  };
  statuses.push({ path, status: answer.status, message: answer.message });
  return answer;
}

/** A call that must succeed; its data. */
async function must<T = Record<string, unknown>>(page: Page, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const answer = await trpc(page, path, input, kind);
  expect(answer.status, `${path}: ${answer.message} ${JSON.stringify(answer.fieldErrors)}`).toBe(200);
  return answer.data as T;
}

/** A call the app must refuse as bad input (400), never fail on. */
async function refused(page: Page, path: string, input: unknown) {
  const answer = await trpc(page, path, input);
  expect(answer.status, `${path} should refuse ${JSON.stringify(input).slice(0, 120)}`).toBe(400);
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Watching a page: dialogs, markers, CSP violations, script errors, dangerous markup.

interface Watched {
  page: Page;
  problems: string[];
}

const CSP_PROBE = () => {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener(
    "securitypolicyviolation",
    (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    true,
  );
};

async function watchedPage(browser: Browser, email?: string): Promise<Watched> {
  const context = await browser.newContext();
  await context.addInitScript(CSP_PROBE);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("dialog", (dialog) => {
    problems.push(`dialog (${dialog.type()}) "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy|refused to (load|execute|frame|apply)/i.test(message.text())) {
      problems.push(`console: ${message.text()} on ${page.url()}`);
    }
  });
  page.on("pageerror", (error) => {
    // React's recoverable hydration mismatch (#418) is reported now and then under load, on pages
    // that render the same HTML when loaded alone; React re-renders on the client and nothing runs.
    // It is not script execution (the markers, dialogs and CSP checks below are), so it is noted
    // rather than failed, until its cause is found.
    if (/Minified React error #418/.test(error.message)) {
      try {
        test.info().annotations.push({ type: "hydration-mismatch", description: page.url() });
      } catch {
        // Between tests there is no test to annotate.
      }
      return;
    }
    problems.push(`page error: ${error.message} on ${page.url()}`);
  });
  if (email) await signIn(page, email);
  return { page, problems };
}

/** What a rendered page must not have: a run marker, a recorded violation, or live hostile markup. */
async function inspect(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const w = window as unknown as { __pwned?: unknown; __csp?: string[]; polluted?: unknown };
    if (w.__pwned !== undefined) found.push("window.__pwned was set");
    if (({} as Record<string, unknown>).polluted !== undefined) found.push("Object.prototype was polluted");
    // The payloads set the title to exactly "pwned"; the search page puts the query (holding the word) in it as text.
    if (document.title === "pwned") found.push("document.title was set to pwned");
    for (const v of w.__csp ?? []) found.push(`CSP violation: ${v}`);
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.trim().toLowerCase();
        if (name.startsWith("on")) found.push(`<${el.localName} ${name}="${attr.value}">`);
        if (["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"].includes(name)) {
          if (/^(javascript|vbscript|data:text|data:image\/svg)/.test([...value].filter((c) => c.charCodeAt(0) > 0x20).join(""))) found.push(`<${el.localName} ${name}="${attr.value}">`);
          if (value.includes("evil.example") && name !== "href") found.push(`<${el.localName} ${name}="${attr.value}">`);
          // Forms post, and stylesheets load, only from this site.
          const offSite = (() => {
            try {
              return new URL(attr.value, location.href).origin !== location.origin;
            } catch {
              return true;
            }
          })();
          if ((name === "action" || name === "formaction" || (el.localName === "link" && name === "href")) && offSite) found.push(`<${el.localName} ${name}="${attr.value}">`);
        }
      }
    }
    const live = document.querySelectorAll("iframe, object, embed, base, meta[http-equiv], math, svg script, img[src*='evil']");
    for (const el of Array.from(live)) found.push(`live <${el.localName}> element: ${el.outerHTML.slice(0, 120)}`);
    return found;
  });
}

/** Opens a page (an HTML page waits for hydration), lets late events arrive, and collects problems. */
async function visit(watched: Watched, path: string, opts: { json?: boolean; expectText?: string } = {}) {
  const response = await (opts.json ? watched.page.goto(path) : open(watched.page, path));
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  if (opts.expectText) await expect(watched.page.getByText(opts.expectText, { exact: false }).first(), `${path} shows the payload as text`).toBeAttached();
  // Two frames: effects scheduled after hydration (and image errors) have run.
  await watched.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const found = await inspect(watched.page);
  watched.problems.push(...found.map((f) => `${f} on ${path}`));
}

// ---------------------------------------------------------------------------------------------
// Shared state: the scenario writes, later tests read.

const state = {
  year: 0,
  norms: [] as { id: string; slug: string; title: string }[],
  organizations: [] as { id: string; slug: string; name: string }[],
  names: {} as Record<string, string>,
  originalNames: {} as Record<string, string>,
  comments: [] as string[],
};

let member: Watched, rep: Watched, rep2: Watched, secretariat: Watched, admin: Watched, delegate: Watched, visitor: Watched;

test.beforeAll(async ({ browser }) => {
  [member, rep, rep2, secretariat, admin, delegate, visitor] = await Promise.all([
    watchedPage(browser, demo.member),
    watchedPage(browser, demo.representative),
    watchedPage(browser, demo.otherRepresentative),
    watchedPage(browser, demo.secretariat),
    watchedPage(browser, demo.admin),
    watchedPage(browser, demo.delegate),
    watchedPage(browser),
  ]);
});

test.afterAll(async () => {
  // Other specs know the demo people by name.
  for (const [who, name] of Object.entries(state.originalNames)) {
    const watched = { member, rep, rep2, secretariat, admin }[who];
    if (watched) await trpc(watched.page, "account.updateProfile", { displayName: name });
  }
});

const allWatched = () => [member, rep, rep2, secretariat, admin, delegate, visitor];
const expectNoProblems = () => {
  expect(allWatched().flatMap((w) => w.problems)).toEqual([]);
  expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
};

test("the corpus covers every family of hostile input", () => {
  expect(payloads.length).toBeGreaterThanOrEqual(100);
  for (const kind of ["script", "handler", "link", "markdown", "embed", "css", "template", "unicode", "sql", "tsquery", "csv"] as const) {
    expect(ofKind(kind).length, kind).toBeGreaterThan(3);
  }
});

test("hostile text goes in through every field, as the roles who can write it", async () => {
  test.setTimeout(120_000);
  const mine = async (page: Page, name: string) => {
    const { memberships } = await must<{ memberships: { id: string; name: string }[] }>(page, "organizations.mine", undefined, "query");
    return memberships.find((m) => m.name === name)!;
  };
  const kenya = await mine(rep.page, KENYA);
  const drc = await mine(rep.page, DRC);
  const openNetworks = await mine(rep2.page, OPEN_NETWORKS);
  expect([kenya, drc, openNetworks].every(Boolean)).toBe(true);

  // Display names: every payload that fits is stored exactly as typed, or refused with a field
  // message when it holds line breaks, control characters or bidi controls.
  for (const [who, watched] of Object.entries({ member, rep, rep2, secretariat, admin })) {
    state.originalNames[who] = (await must<{ displayName: string }>(watched.page, "account.me", undefined, "query")).displayName;
  }
  const oneLine = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;
  for (const name of [...texts, ...unstorable]) {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 80) continue;
    const answer = await trpc(member.page, "account.updateProfile", { displayName: name });
    if (oneLine.test(trimmed) || unstorable.includes(name)) {
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(answer.fieldErrors?.displayName, JSON.stringify(name)).toBeTruthy();
    } else {
      expect(answer.status, `${JSON.stringify(name)}: ${answer.message}`).toBe(200);
      expect((await must<{ displayName: string }>(member.page, "account.me", undefined, "query")).displayName).toBe(trimmed);
    }
  }
  state.names = {
    member: "<img src=x onerror=alert(1)> ad\u200Bmin",
    rep: '=HYPERLINK("https://evil.example/?x","<script>alert(1)</script>")',
    rep2: "{{constructor.constructor('alert(1)')()}} ${alert(1)}",
    secretariat: "Аdmin Ѕecretariat <svg onload=alert(1)>",
    admin: "' OR 1=1 -- <details open ontoggle=alert(1)>",
  };
  for (const [who, watched] of Object.entries({ member, rep, rep2, secretariat, admin })) {
    await must(watched.page, "account.updateProfile", { displayName: state.names[who] });
  }

  // Organisations, registered by a demo organisation's representative (other specs count on the
  // member representing none, and staff accounts join no organisation):
  // names, descriptions, a website.
  const orgNames = [
    '=HYPERLINK("https://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3 Institute",
    "@SUM(1+1) Labs",
    "<script>alert(1)</script> Foundation",
    "<img src=x onerror=alert(1)> Society",
    "Ministry of Foreign Affairs of Kеnya",
    "txt\u202Eexe.pdf Council",
    "' OR 1=1 -- Network",
    "[click](javascript:alert(1)) {{constructor.constructor('alert(1)')()}}",
  ];
  const descriptions = pack(texts, 2000);
  for (const [i, name] of orgNames.entries()) {
    const created = await must<{ id: string; slug: string }>(delegate.page, "organizations.create", {
      name,
      stakeholderType: "civil_society",
      region: "global",
      country: "",
      website: i === 0 ? "https://example.org/?q=<script>alert(1)</script>&x=\"onmouseover=\"alert(1)" : "",
      description: descriptions[i % descriptions.length],
    });
    state.organizations.push({ ...created, name });
  }
  await refused(delegate.page, "organizations.create", { name: "Script site", stakeholderType: "academia", region: "global", website: "javascript:alert(1)" });
  await refused(delegate.page, "organizations.create", { name: "Data site", stakeholderType: "academia", region: "global", website: "data:text/html,<script>alert(1)</script>" });
  for (const bad of unstorable) await refused(delegate.page, "organizations.create", { name: `Org ${bad}`, stakeholderType: "academia", region: "global" });

  // The secretariat's queue shows them pending; it verifies all but the last, which it rejects with a reason.
  await visit(secretariat, "/secretariat/verification", { expectText: "<script>alert(1)</script> Foundation" });
  type Queued = { id: string; duplicates: { id: string }[]; representatives: { userId: string; address: string | null; exceptionReason: string | null }[] };
  const queue = await must<Queued[]>(secretariat.page, "verification.queue", undefined, "query");
  for (const org of state.organizations.slice(0, -1)) {
    const entry = queue.find((q) => q.id === org.id)!;
    // Their creator registered no email domain: an exception for each provisional representative (issue 17).
    const exceptions = entry.representatives.filter((r) => !r.address && !r.exceptionReason).map((r) => ({ userId: r.userId, reason: "Registered without a mail domain of its own." }));
    await must(secretariat.page, "verification.verify", { organizationId: org.id, confirmName: org.name, acknowledgedDuplicateIds: entry.duplicates.map((d) => d.id), exceptions });
  }
  await must(secretariat.page, "verification.reject", { organizationId: state.organizations.at(-1)!.id, reason: pack(texts, 2000, 10)[1] });
  await must(rep2.page, "organizations.requestJoin", { organizationId: state.organizations[0]!.id, message: pack(texts, 1000)[0] });

  // Norms, proposed by the member: every payload is a clause of one of five norms.
  const titles = [
    '=HYPERLINK("https://evil.example/?leak","<img src=x onerror=alert(1)>")',
    "<script>alert(1)</script><img src=x onerror=alert(1)> norm",
    "+cmd|' /C calc'!A0 \u202Etxt.exe ' OR 1=1 --",
    "[click](javascript:alert(1)) {{constructor.constructor('alert(1)')()}}",
    "' OR 1=1 -- \"; DROP TABLE users; -- \\ &|!():*<->",
  ];
  const summaries = pack(texts, 1000, 20);
  const rationales = pack(texts, 10_000);
  const notes = pack(texts, 2000);
  for (const [i, title] of titles.entries()) {
    const clauses = texts.filter((_, j) => j % titles.length === i).map((t) => t.trim() || "empty");
    const created = await must<{ id: string; slug: string }>(member.page, "norms.create", {
      title,
      summary: summaries[i % summaries.length],
      clauses,
      rationale: rationales[i % rationales.length],
      categories: ["II"],
      kind: "mutual_restraint",
      bindingness: "political",
    });
    await must(member.page, "norms.submit", { normId: created.id, note: notes[i % notes.length] });
    state.norms.push({ ...created, title });
  }
  const [n1, n2] = state.norms as [(typeof state.norms)[number], (typeof state.norms)[number]];
  for (const bad of unstorable) {
    await refused(member.page, "norms.create", { title: `Title ${bad}`, summary: "A summary long enough to be accepted.", clauses: ["One."], categories: ["I"], kind: "mutual_restraint", bindingness: "political" });
  }

  // The secretariat's outcome statement and the reason for its override are shown on the timeline and in open data.
  const outcomes = pack(texts, 2000, 20);
  await must(secretariat.page, "norms.transition", {
    normId: state.norms[2]!.id,
    transition: "openEndorsement",
    statement: outcomes[1 % outcomes.length],
    override: true,
    overrideReason: outcomes[2 % outcomes.length],
  });

  // A revision of the first norm: clauses changed and reordered, with a hostile change summary.
  const n1Clauses = texts.filter((_, j) => j % titles.length === 0).map((t) => t.trim());
  await must(member.page, "norms.revise", {
    normId: n1.id,
    baseVersion: 1,
    title: n1.title,
    summary: summaries[1],
    clauses: [...n1Clauses.slice(1).reverse(), `${n1Clauses[0]} <b>changed</b>`],
    rationale: rationales[0],
    categories: ["II", "V"],
    kind: "mutual_restraint",
    bindingness: "political",
    changeSummary: pack(texts, 500, 3)[0],
  });

  // Positions: the representatives for their organisations, the delegate for the new verified ones.
  const statements = pack(texts, 5000, 20);
  await must(rep.page, "positions.record", { normId: n1.id, organizationId: kenya.id, stance: "object", statement: statements[0] });
  await must(rep.page, "positions.record", { normId: n1.id, organizationId: drc.id, stance: "endorse_with_reservations", statement: statements[1 % statements.length] });
  await must(rep2.page, "positions.record", { normId: n1.id, organizationId: openNetworks.id, stance: "abstain", statement: statements[2 % statements.length] });
  const csvPayloads = ofKind("csv");
  for (const [i, org] of state.organizations.slice(0, -1).entries()) {
    await must(delegate.page, "positions.record", {
      normId: i % 2 ? n2.id : n1.id,
      organizationId: org.id,
      stance: i % 3 ? "endorse" : "object",
      statement: `${csvPayloads[i % csvPayloads.length]}\n\n${statements[i % statements.length]}`.slice(0, 5000),
    });
  }

  // Comments (several payloads each, one block per payload), a reply, reports, moderation.
  const bodies = pack(texts, 2500);
  for (const [i, body] of bodies.entries()) {
    const created = await must<{ id: string }>(member.page, "comments.create", { normId: n1.id, body, clause: i === 0 ? 1 : null });
    state.comments.push(created.id);
  }
  await must(rep2.page, "comments.create", { normId: n1.id, body: pack(texts, 10_000)[0], parentId: state.comments[0] });
  await must(rep.page, "comments.create", { normId: n1.id, body: pack(texts, 10_000)[1] ?? texts[0], organizationId: kenya.id });
  for (const bad of unstorable) await refused(member.page, "comments.create", { normId: n1.id, body: bad });
  const reasons = pack(texts, 1000, 10);
  let r = 0;
  for (const reporter of [rep, rep2, admin]) {
    for (const commentId of state.comments.slice(0, 4)) {
      await must(reporter.page, "comments.report", { commentId, reason: reasons[r++ % reasons.length] });
    }
  }
  await visit(secretariat, "/secretariat/moderation", { expectText: "<script>alert(1)</script>" });
  const moderationNotes = pack(texts, 1000);
  await must(secretariat.page, "moderation.hide", { commentId: state.comments[0], rule: "HR-1", note: moderationNotes[0] });
  await must(secretariat.page, "moderation.dismissReports", { commentId: state.comments[1], note: moderationNotes[1] });
  const appeal = await must<{ id: string }>(member.page, "comments.appeal", { commentId: state.comments[0], text: pack(texts, 2000, 20)[0] });
  await visit(secretariat, "/secretariat/moderation");
  await must(secretariat.page, "moderation.decideAppeal", { appealId: appeal.id, decision: "uphold", note: moderationNotes[2 % moderationNotes.length]!.padEnd(5, ".") });

  // A stock-take covering the first two norms, in the next free year (as the secretariat's form suggests).
  const years = new Set((await must<{ year: number }[]>(secretariat.page, "stocktakes.list", undefined, "query")).map((y) => y.year));
  state.year = new Date().getUTCFullYear();
  while (years.has(state.year)) state.year++;
  await must(secretariat.page, "stocktakes.open", { year: state.year, opensOn: isoDay(-1), closesOn: isoDay(30), normIds: [n1.id, n2.id], referenceNormIds: [] });
  const form = await must<{ items: { id: string }[] }>(rep.page, "stocktakes.statementForm", { year: state.year }, "query");
  const hostileLinks = ['https://example.org/?q=<script>alert(1)</script>', 'https://example.org/#"onmouseover="alert(1)', "https://example.org/=HYPERLINK(1)"];
  let s = 0;
  for (const item of form.items) {
    for (const org of [kenya, drc]) {
      await must(rep.page, "stocktakes.fileStatement", { year: state.year, itemId: item.id, organizationId: org.id, status: "partially", text: statements[s++ % statements.length], links: hostileLinks });
    }
  }
  await refused(rep.page, "stocktakes.fileStatement", { year: state.year, itemId: form.items[0]!.id, organizationId: kenya.id, status: "implemented", text: "x", links: ["javascript:alert(1)//https://example.org"] });
  const descriptionsLong = pack(texts, 10_000, 20);
  const outsideActors = texts.map((t) => t.trim()).filter((t) => t.length >= 2 && t.length <= 200).slice(0, 20);
  const observationIds: string[] = [];
  for (const [i, title] of ["<script>alert(1)</script> observed", '=HYPERLINK("https://evil.example","x") observed'].entries()) {
    const created = await must<{ id: string }>(member.page, "stocktakes.logObservation", {
      year: state.year,
      title,
      description: descriptionsLong[i % descriptionsLong.length],
      occurredOn: isoDay(-3),
      actors: [{ kind: "organization", organizationId: kenya.id }, ...outsideActors.slice(0, 19).map((label) => ({ kind: "unattributed", label }))],
      attributionStatus: "researchers",
      attributedBy: outsideActors[0],
      attributionSource: hostileLinks[0],
      confidence: "low",
      evidenceType: "media-report",
      assessments: [{ itemId: form.items[i % form.items.length]!.id, assessment: "inconsistent" }],
      sources: hostileLinks.map((url) => ({ url, archiveUrl: url })),
    });
    observationIds.push(created.id);
  }
  await refused(member.page, "stocktakes.logObservation", {
    year: state.year, title: "Bad source", description: "A source that would run script if it were a link.", occurredOn: isoDay(-3),
    actors: [{ kind: "organization", organizationId: kenya.id }], attributionStatus: "none", confidence: "low", evidenceType: "media-report",
    assessments: [{ itemId: form.items[0]!.id, assessment: "consistent" }], sources: [{ url: "javascript:alert(1)" }],
  });
  for (const [i, observationId] of observationIds.entries()) {
    // The named ministry replies within its window; then two members of the secretariat accept.
    await must(rep.page, "stocktakes.reply", { observationId, organizationId: kenya.id, text: statements[(i + 1) % statements.length] });
    await must(secretariat.page, "stocktakes.reviewObservation", { observationId, decision: "accept", note: notes[i % notes.length] });
    await must(admin.page, "stocktakes.reviewObservation", { observationId, decision: "accept", note: notes[(i + 1) % notes.length] });
  }
  // A narrative's "{{…}}" is a figure placeholder: one the report does not have is refused on its
  // field, never stored or evaluated (server/domain/narrative-figures.ts); the rest is stored as text.
  const empty = { I: "", II: "", III: "", IV: "", V: "" };
  for (const text of texts.filter((t) => t.includes("{{"))) {
    await refused(secretariat.page, "stocktakes.saveNarrative", { year: state.year, summary: "", categories: { ...empty, IV: text } });
  }
  const prose = (list: string[]) => list.filter((t) => !t.includes("{{")).join("\n\n");
  const narrative = pack(texts.filter((t) => !t.includes("{{")), 20_000);
  await must(secretariat.page, "stocktakes.saveNarrative", {
    year: state.year,
    summary: narrative[0],
    categories: { I: prose(ofKind("script")), II: prose(ofKind("link", "markdown")), III: prose(ofKind("embed", "css")), IV: prose(ofKind("unicode", "template")), V: prose(ofKind("csv", "sql", "tsquery")) },
  });

  // While the cycle is open: the representative's statements form, the secretariat's and the public pages.
  await visit(rep, `/stocktakes/${state.year}/statements`, { expectText: "<script>alert(1)</script>" });
  await visit(secretariat, `/secretariat/stocktakes/${state.year}`, { expectText: "<script>alert(1)</script> observed" });
  await visit(secretariat, `/secretariat/stocktakes/${state.year}/preview`);
  await visit(visitor, `/stocktakes/${state.year}`, { expectText: "<script>alert(1)</script> observed" });

  // Published: the window closes early and the report (JSON, PDF, CSV) is written.
  await must(secretariat.page, "stocktakes.close", { year: state.year });
  await must(secretariat.page, "stocktakes.publish", { year: state.year });
  // A correction: revision 2, with a hostile erratum.
  await must(secretariat.page, "stocktakes.publish", { year: state.year, erratum: notes[0] });

  expectNoProblems();
});

test("every page that shows the corpus renders it as text: no script, no dialog, no CSP violation", async () => {
  test.setTimeout(120_000);
  const [n1, ...others] = state.norms as [(typeof state.norms)[number], ...typeof state.norms];
  const base = `/norms/${n1.slug}`;
  await visit(visitor, base, { expectText: "<script>alert(1)</script>" });
  await expect(visitor.page.getByText(state.names.rep!, { exact: false }).first()).toBeVisible();
  await visit(visitor, `${base}/v/1`, { expectText: "<script>alert(1)</script>" });
  await visit(visitor, `${base}/v/2`, { expectText: "<b>changed</b>" });
  await visit(visitor, `${base}/redline?from=1&to=2`, { expectText: "<b>changed</b>" });
  await visit(visitor, `${base}/positions/history`, { expectText: "=HYPERLINK" });
  for (const norm of others) await visit(visitor, `/norms/${norm.slug}`, { expectText: norm.title.slice(0, 10) });
  await visit(visitor, "/norms?sort=newest", { expectText: "<script>alert(1)</script><img src=x onerror=alert(1)> norm" });
  await visit(visitor, "/norms?sort=newest&status=consultation");
  await visit(visitor, "/organizations", { expectText: "<script>alert(1)</script> Foundation" });
  for (const org of state.organizations.slice(0, -1)) await visit(visitor, `/organizations/${org.slug}`);
  await visit(visitor, "/moderation-log");
  await visit(visitor, `/stocktakes/${state.year}`, { expectText: "<script>alert(1)</script> observed" });
  await visit(visitor, "/stocktakes");
  await visit(visitor, `/stocktakes/${state.year}/revisions/1`);
  await visit(visitor, "/");

  // Signed in, the same pages carry forms prefilled with the payloads, and people's own pages.
  await visit(member, base, { expectText: "<script>alert(1)</script>" });
  await visit(member, `${base}/edit`);
  await visit(member, "/account", { expectText: "<img src=x onerror=alert(1)>" });
  await visit(member, "/norms/mine");
  await visit(delegate, "/organizations/mine");
  await visit(delegate, `/organizations/${state.organizations.at(-1)!.slug}`);
  await visit(delegate, `/organizations/${state.organizations[0]!.slug}/manage`);
  await visit(rep, base);
  await visit(rep, "/account");
  await visit(secretariat, "/secretariat/moderation");
  await visit(secretariat, "/secretariat/verification");
  await visit(secretariat, "/secretariat/organizations");
  await visit(secretariat, "/secretariat/users");
  await visit(secretariat, `/secretariat/stocktakes/${state.year}`);
  await visit(admin, "/admin/users");
  await visit(admin, "/admin/audit");

  // The open-data JSON, as a browser shows it.
  await visit(visitor, `/api/v1/norms/${n1.slug}`, { json: true });
  await visit(visitor, `/api/v1/norms/${n1.slug}/comments`, { json: true });
  await visit(visitor, `/api/v1/norms/${n1.slug}/positions`, { json: true });
  await visit(visitor, `/api/v1/norms/${n1.slug}/versions/2`, { json: true });
  await visit(visitor, `/api/v1/organizations/${state.organizations[4]!.slug}/positions`, { json: true });
  await visit(visitor, "/api/v1/organizations?limit=100", { json: true });
  await visit(visitor, `/api/v1/stocktakes/${state.year}`, { json: true });
  await visit(visitor, "/api/v1/moderation-log", { json: true });

  expectNoProblems();
});

test("search answers every payload without error, and shows the query as text", async () => {
  test.setTimeout(90_000);
  const queries = [...new Set(texts.map((t) => t.trim()).filter((t) => t.length >= 2 && t.length <= 200))];
  const failures: string[] = [];
  for (const q of queries) {
    const api = await visitor.page.request.get(`/api/v1/norms?q=${encodeURIComponent(q)}`);
    if (api.status() !== 200) failures.push(`/api/v1/norms?q=${JSON.stringify(q)} answered ${api.status()}`);
    const search = await trpc(visitor.page, "search.all", { q }, "query");
    if (search.status !== 200) failures.push(`search.all ${JSON.stringify(q)} answered ${search.status}: ${search.message}`);
  }
  for (const q of [...ofKind("sql", "tsquery"), "a\u0000b"]) {
    for (const path of ["/norms?q=", "/organizations?q=", "/search?q=", "/reference?q="]) {
      const response = await visitor.page.request.get(path + encodeURIComponent(q));
      if (response.status() >= 500) failures.push(`${path}${JSON.stringify(q)} answered ${response.status()}`);
    }
    for (const path of ["/secretariat/users?q=", "/secretariat/organizations?q="]) {
      const response = await secretariat.page.request.get(path + encodeURIComponent(q));
      if (response.status() >= 500) failures.push(`${path}${JSON.stringify(q)} answered ${response.status()}`);
    }
  }
  // A broken surrogate pair cannot be written in a URL at all (encodeURIComponent refuses it).
  for (const q of unstorable.filter((t) => t.includes("\u0000"))) {
    const api = await visitor.page.request.get(`/api/v1/norms?q=${encodeURIComponent(q)}`);
    if (api.status() !== 400) failures.push(`/api/v1/norms?q=${JSON.stringify(q)} answered ${api.status()}, not 400`);
  }
  expect(failures).toEqual([]);

  // In the browser: the search page and the norm list echo the query, with markup as text.
  for (const q of [...ofKind("script", "handler").filter((t) => t.length <= 200).slice(0, 25), ...ofKind("sql", "tsquery")]) {
    await visit(visitor, `/search?q=${encodeURIComponent(q)}`);
  }
  await visit(visitor, `/norms?q=${encodeURIComponent("<script>alert(1)</script>")}`);
  await visit(visitor, `/organizations?q=${encodeURIComponent("<img src=x onerror=alert(1)>")}`);
  expectNoProblems();
});

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Cells a spreadsheet would run as a formula: starting with = + - @ tab or CR, other than plain numbers. */
const formulaCells = (rows: string[][]) => rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(cell));

test("the CSV downloads carry formulas inert and the PDF carries the payloads as text", async () => {
  test.setTimeout(60_000);
  const [n1] = state.norms;
  const get = async (path: string) => {
    const response = await visitor.page.request.get(path);
    expect(response.status(), path).toBe(200);
    return response;
  };

  const norms = parseCsv(await (await get("/api/v1/norms.csv")).text());
  const positions = parseCsv(await (await get(`/api/v1/norms/${n1!.slug}/positions.csv`)).text());
  const report = parseCsv(await (await get(`/api/v1/stocktakes/${state.year}/report.csv`)).text());
  for (const [name, rows] of Object.entries({ norms, positions, report })) {
    expect(formulaCells(rows), `${name}.csv`).toEqual([]);
  }
  // The hostile values are there, each behind an apostrophe.
  expect(norms.flat()).toContain(`'${state.norms[0]!.title}`);
  expect(report.flat()).toContain(`'${state.norms[0]!.title}`);
  expect(positions.flat()).toContain(`'${state.organizations[0]!.name}`);
  expect(positions.flat()).toContain(`'${state.names.rep}`);
  expect(positions.flat().some((cell) => cell.startsWith("'=HYPERLINK"))).toBe(true);

  const pdf = Buffer.from(await (await get(`/api/v1/stocktakes/${state.year}/report.pdf`)).body());
  const raw = pdf.toString("latin1");
  for (const action of ["/JavaScript", "/JS ", "/JS(", "/Launch", "/OpenAction", "/AA ", "/SubmitForm", "/ImportData", "/RichMedia", "/EmbeddedFile"]) {
    expect(raw.includes(action), `the PDF has no ${action}`).toBe(false);
  }
  expect(raw).not.toMatch(/\/URI\s*\((?:javascript|vbscript|data):/i);
  const text = pdfPageTexts(pdf).join("\n").replace(/\s+/g, " ");
  for (const shown of ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "' OR 1=1 --", "{{constructor.constructor('alert(1)')()}}"]) {
    expect(text, `the PDF shows ${shown} as text`).toContain(shown);
  }
});

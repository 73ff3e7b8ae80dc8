import { execFileSync } from "node:child_process";
import { Document, Page, renderToBuffer, Text } from "@react-pdf/renderer";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSnapshot, canonicalJson, sha256 } from "~/server/domain/stocktake-snapshot";
import { LANGUAGE_TAGS, type Locale } from "~/server/i18n/locales";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { sampleSnapshot } from "./fixture";
import { registerReportFonts, SANS } from "./fonts";
import { pdfPageTexts } from "./pdf-text";
import { ORGANIZATIONS_LISTED, renderReportPdf } from "./render";

const flat = (text: string) => text.replace(/\s+/g, " ").trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the stock-take report PDF", () => {
  const { snapshot, hash } = sampleSnapshot();
  let pdf: Buffer;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    pdf = await renderReportPdf(snapshot, hash);
    pages = pdfPageTexts(pdf).map(flat);
    all = pages.join(" ");
  });

  it("is a complete PDF file, one content stream per page", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-7).toString("latin1").trimEnd()).toMatch(/%%EOF$/);
    expect(pdf.length).toBeGreaterThan(2048);
    const pageObjects = pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pageObjects.length).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(8);
  });

  it("carries the snapshot's hash: in full on the cover and in the metadata, shortened in every footer", () => {
    expect(pages[0]).toContain(hash);
    expect(pdf.toString("latin1")).toContain(`(SHA-256 of snapshot.json: ${hash})`);
    pages.forEach((text, i) => {
      expect(text).toContain(`SHA-256 ${hash.slice(0, 12)}`);
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it("has a cover with the year, revision, publication date, erratum and how to verify the hash", () => {
    const cover = pages[0]!;
    for (const text of [
      "Norms Forum",
      "Annual stock-take 2026",
      "Revision 2",
      "Published 23 November 2026",
      "Erratum (revision 2)",
      "Corrected the region of one organisation",
      "/api/v1/stocktakes/2026/revisions/2/snapshot.json",
      "/about/methodology",
    ]) {
      expect(cover).toContain(text);
    }
  });

  it("lists every section in the contents with the page it starts on", () => {
    const contents = pages[1]!;
    expect(contents).toMatch(/^Contents /);
    const titles = [
      "Executive summary",
      "The year in figures",
      "Category I: Basic principles",
      "Category II: Avoiding and preventing attacks from a state’s territory",
      "Category V: Restraint in developing and using cyber weapons",
      "Covered norms",
      ...snapshot.items.map((i) => i.title),
      "What changed since 2025",
      "Accepted observations",
      "Participating organisations",
    ];
    for (const title of titles) {
      const entry = new RegExp(`${escape(title)} (\\d+)`).exec(contents);
      expect(entry, title).not.toBeNull();
      const page = pages[Number(entry![1]) - 1]!;
      // An item's page starts with its title (after the section heading on the first one).
      const isItem = snapshot.items.some((i) => i.title === title);
      if (isItem) expect(page.replace(/^\d+\. Covered norms /, "").startsWith(title), title).toBe(true);
      else expect(page, title).toMatch(new RegExp(`\\d+\\. ${escape(title)}`));
    }
  });

  it("renders the narrative as plain paragraphs, with characters the fonts lack replaced", () => {
    expect(all).toContain("The year in brief");
    expect(all).toContain("The forum covered three norms this year.");
    expect(all).toContain("the list (https://normsforum.example/stocktakes/2026)");
    expect(all).toContain("Quotes “like these”, dashes, Кириллица and 中文 stay; scripts the fonts lack, such as ???, are replaced.");
    expect(all).not.toMatch(/\*\*|## /);
    expect(all).toContain("Attacks from a state’s territory were the subject of one accepted observation.");
  });

  it("shows the figures of every covered norm", () => {
    const [forum, , reference] = snapshot.items;
    const m = forum!.measures!;
    const page = pages.find((p) => p.replace(/^\d+\. Covered norms /, "").startsWith(forum!.title))!;
    expect(page).toContain("Forum norm · version 2 · In endorsement · Categories II, IV");
    // Counts agree with their nouns.
    expect(all).toContain("The stock-take covers 3 norms: 2 forum norms and 1 reference norm.");
    expect(page).toContain("1 position of an organisation that is not verified is listed on the forum but not counted.");
    expect(page).toContain(`${Math.round(m.support! * 100)}% support`);
    expect(page).toContain(`${m.bridging.toFixed(2)} bridging score`);
    expect(page).toContain(`Endorse: ${m.counts.endorse}`);
    expect(page).toContain("Latin American and Caribbean Group");
    expect(page).toContain("Technical community");
    expect(page).toContain("Ministry of Foreign Affairs of Kenya – Implemented");
    expect(page).toContain(`${forum!.observations.consistent} consistent, ${forum!.observations.inconsistent} inconsistent`);
    expect(all).toContain(`${reference!.title} Reference norm · UN GGE 2015 · Categories II`);
    expect(all).toContain("Positions are recorded on forum norms only.");
    expect(all).toContain("Centro de Estudos, Universidade de São Paulo – No information");
  });

  it("shows what changed since the previous year", () => {
    const changes = snapshot.changes!;
    const page = pages.find((p) => p.includes("9. What changed since 2025 Compared"))!;
    expect(page).toContain(changes.previousSha256);
    expect(page).toContain("Newly covered norms • Integrity of the ICT supply chain");
    const support = changes.support[0]!;
    expect(page).toContain(`Support: ${Math.round(support.before! * 100)}% in 2025, ${Math.round(support.after! * 100)}% in 2026 (up).`);
    expect(page).toContain("Private sector");
  });

  it("shows the accepted observations with the replies of the organisations they name", () => {
    const page = pages.find((p) => p.includes("Accepted observations The secretariat accepted"))!;
    expect(page).toContain("The secretariat accepted 2 behaviour observations and rejected 1.");
    expect(page).toContain("Outage at a national response team Occurred on 14 September 2026");
    expect(page).toContain("Organisations named: Ministry of Foreign Affairs of Kenya; Open Networks Ltd");
    expect(page).toContain("Reply from Ministry of Foreign Affairs of Kenya The attack came from outside our territory");
    expect(page).toContain("Reply from Asia Pacific CERT We welcome the observation.");
  });

  it("lists the participating organisations", () => {
    const page = pages.at(-1)!;
    expect(page).toContain("Participating organisations");
    for (const org of snapshot.organizations) expect(page).toContain(org.name);
    for (const text of ["Civil society", "Western European and Others Group", "Germany", "Poland", "Ireland"]) expect(page).toContain(text);
    // A name too long for one line puts its row on its own, in reading order.
    expect(page).toContain("Centro de Estudos, Universidade de São Paulo Academia Latin American and Caribbean Group Brazil");
  });

  it("gives the same bytes for the same snapshot", async () => {
    expect((await renderReportPdf(snapshot, hash)).equals(pdf)).toBe(true);
  });

  it("renders a year with nothing in it, and stands in for characters the fonts cannot draw", async () => {
    const empty = buildSnapshot({
      year: 2027,
      revision: 1,
      publishedAt: new Date("2027-12-01T09:00:00Z"),
      erratum: null,
      window: { opensOn: "2027-09-01", closesOn: "2027-10-31", closedAt: new Date("2027-11-01T00:00:00Z") },
      narrative: { summary: "", categories: { I: "", II: "", III: "", IV: "", V: "" } },
      organizations: [],
      items: [
        {
          key: "norm:unicode",
          kind: "forum",
          title: "Норма Ελλάδα 中文 ไทย",
          categories: [],
          text: [],
          version: 1,
          status: "consultation",
          document: null,
          positions: [],
          statements: [],
        },
      ],
      observations: [],
      rejectedObservations: 0,
      previous: null,
      previousSha256: null,
    });
    const bytes = await renderReportPdf(empty, sha256(canonicalJson(empty)));
    const text = pdfPageTexts(bytes).map(flat).join(" ");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(text).toContain("No executive summary was written.");
    // Cyrillic, Greek and Chinese print as written; Thai, which the fonts lack, is stood in for.
    expect(text).toContain("Норма Ελλάδα 中文 ???");
    expect(text).toContain("No observation was accepted.");
    expect(text).toContain("No organisation took part.");
    expect(text).not.toContain("What changed since");
  });

  describe("participating organisations at scale", () => {
    const withOrganizations = (n: number) => {
      const copy = structuredClone(snapshot);
      for (let i = 0; i < n; i++) {
        copy.organizations.push({ slug: `org-${String(i).padStart(5, "0")}`, name: `Organisation ${i}`, stakeholderType: i % 2 ? "academia" : "state", region: i % 3 ? "african" : "weog", country: null, verified: i % 4 !== 0 });
      }
      return copy;
    };

    it("lists up to ORGANIZATIONS_LISTED on sheets of their own, each under the table's header", async () => {
      const big = withOrganizations(ORGANIZATIONS_LISTED - snapshot.organizations.length);
      const texts = pdfPageTexts(await renderReportPdf(big, hash)).map(flat);
      const start = texts.findIndex((p) => /^\d+\. Participating organisations The organisations/.test(p));
      const sheets = texts.slice(start);
      expect(sheets.length).toBeGreaterThan(8);
      // The header's cells open each column (tables read a column at a time).
      for (const sheet of sheets) expect(sheet).toMatch(/ Organisation .* Stakeholder type .* Region .* Country /);
      const listed = sheets.join(" ");
      for (const i of [0, 1, 250, ORGANIZATIONS_LISTED - snapshot.organizations.length - 1]) expect(listed).toMatch(new RegExp(`Organisation ${i}\\b`));
    }, 60_000);

    it("counts them by stakeholder type and region beyond that, and says where each is named", async () => {
      const n = ORGANIZATIONS_LISTED + 1 - snapshot.organizations.length;
      const big = withOrganizations(n);
      const texts = pdfPageTexts(await renderReportPdf(big, hash)).map(flat);
      const last = texts.at(-1)!;
      expect(texts).toHaveLength(pages.length);
      expect(last).toContain(`${ORGANIZATIONS_LISTED + 1} organisations took part`);
      // (The address may be hyphenated where the line breaks.)
      expect(last.replace(/- /g, "")).toContain("/api/v1/stocktakes/2026/revisions/2/snapshot.json");
      expect(last).toContain("/stocktakes/2026.");
      expect(last).not.toContain("Organisation 7 ");
      // Tables read a column at a time: every group's count, then every group's verified count.
      const column = <K extends string>(groups: readonly K[], of: (o: (typeof big.organizations)[number]) => K, verified: boolean) =>
        groups.map((g) => big.organizations.filter((o) => of(o) === g && (!verified || o.verified)).length).join(" ");
      expect(last).toContain(`Organisations ${column(stakeholderTypes, (o) => o.stakeholderType, false)} Verified ${column(stakeholderTypes, (o) => o.stakeholderType, true)}`);
      expect(last).toContain(`Organisations ${column(regions, (o) => o.region, false)} Verified ${column(regions, (o) => o.region, true)}`);
    });
  });

  describe("in the forum's six languages", () => {
    // The cover's title and the contents' heading in each language, from messages/<locale>/reportPdf.json.
    // (Arabic's words are checked in their reading order by pdftotext, below: this reader gives glyphs in drawing order.)
    const expected: Record<Exclude<Locale, "en">, { title: string; contents: string; page: string }> = {
      fr: { title: "Bilan annuel 2026", contents: "Table des matières", page: "Page 1 sur" },
      es: { title: "Balance anual de 2026", contents: "Índice", page: "Página 1 de" },
      ru: { title: "Ежегодный обзор 2026 года", contents: "Содержание", page: "Страница 1 из" },
      zh: { title: "2026年年度盘点", contents: "目录", page: "第1页" },
      ar: { title: "2026", contents: "", page: "" },
    };
    for (const [locale, text] of Object.entries(expected) as [Exclude<Locale, "en">, (typeof expected)["fr"]][]) {
      it(`${locale}: headings, labels and dates in the language; the names, titles and hash as they are`, async () => {
        const bytes = await renderReportPdf(snapshot, hash, locale);
        const texts = pdfPageTexts(bytes).map(flat);
        expect(texts.length).toBeGreaterThan(8);
        expect(texts[0]).toContain(text.title);
        expect(texts[0]).toContain(hash);
        expect(texts[0]).toContain(text.page);
        expect(texts[1]).toContain(text.contents);
        expect(texts[1]).toMatch(locale === "ar" ? /\p{Script=Arabic}/u : locale === "zh" ? /\p{Script=Han}/u : /./);
        expect(texts.join(" ")).not.toContain("Executive summary");
        for (const org of snapshot.organizations) expect(texts.join(" ")).toContain(org.name);
        expect(bytes.toString("latin1")).toContain(`/Lang (${LANGUAGE_TAGS[locale]})`);
        // The same language gives the same bytes.
        expect((await renderReportPdf(snapshot, hash, locale)).equals(bytes)).toBe(true);
      });
    }

    it("fr: a French heading, French dates and French plurals", async () => {
      const texts = pdfPageTexts(await renderReportPdf(snapshot, hash, "fr")).map(flat);
      const all = texts.join(" ");
      expect(texts[0]).toContain("Publié le 23 novembre 2026");
      expect(all).toContain("L’année en chiffres");
      expect(all).toContain("Le bilan porte sur 3 normes : 2 normes du forum et 1 norme de référence.");
      expect(all).toContain("Organisations participantes");
    });
  });

  describe("in Arabic, right to left", () => {
    // pdftotext (poppler-utils) gives text in reading order, as a reader's copy and paste does:
    // right-to-left runs in logical order, with embedding marks around them that are dropped here.
    // Where a run of one direction meets the other it may move or drop a space, so the words are
    // compared in their order with the spaces left out.
    const words = (text: string) => text.replace(/[\u202a-\u202e]/g, "").replace(/\s+/g, "");
    const readingOrder = (pdf: Buffer, page: number) => words(execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-", "-"], { input: pdf }).toString("utf8"));
    const MIXED = "حماية فرق CERT الوطنية 2026 من الهجمات";

    it("orders mixed Arabic, numbers and Latin right to left, as written", async () => {
      const mixed = structuredClone(snapshot);
      mixed.items[0]!.title = MIXED;
      const pdf = await renderReportPdf(mixed, hash, "ar");
      const cover = readingOrder(pdf, 1);
      for (const text of ["تقييم الحصيلة السنوي لعام 2026", "التنقيح 2", "نُشر في 23 نوفمبر 2026", "قيمة تجزئة SHA-256 للقطة بصيغة JSON", hash]) expect(cover).toContain(words(text));
      expect(cover).toMatch(/الصفحة1من\d+/);
      // The table of contents lists the covered norm's mixed title as written.
      const contents = readingOrder(pdf, 2);
      expect(contents).toContain(words("المحتويات"));
      expect(contents).toContain(words(MIXED));
      expect(contents).toContain(words("موجز تنفيذي"));
    });

    it("needs direction rtl on the text: without it the same words come out in the wrong order", async () => {
      registerReportFonts();
      const doc = (direction: "rtl" | "ltr") =>
        createElement(Document, null, createElement(Page, { size: "A4", style: { padding: 40, fontFamily: SANS } }, createElement(Text, { style: { direction } }, MIXED)));
      expect(readingOrder(await renderToBuffer(doc("rtl")), 1)).toBe(words(MIXED));
      expect(readingOrder(await renderToBuffer(doc("ltr")), 1)).not.toBe(words(MIXED));
    });
  });
});

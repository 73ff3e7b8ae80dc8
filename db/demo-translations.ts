// A demo norm whose authoritative text is French, with English and Arabic translations (issue 20,
// "The content"): read at /fr/norms/<slug> it is the authoritative text; at /norms/<slug> and
// /ar/norms/<slug> the translation, marked as one; and a search finds it by a word in any of the three.
import { clock } from "~/server/clock";
import { stageRules } from "~/server/domain/process";
import { slugify } from "~/server/domain/slug";
import { closesAtAfter } from "~/server/domain/stage-clock";
import { writeNormSearch } from "~/server/domain/translations";
import { searchVector } from "~/server/domain/norms";
import type { Tx } from "./connect";
import { normCitations, normEvents, normPlacements, norms, normVersions, normVersionTranslations } from "./schema";

const DAY = 24 * 60 * 60 * 1000;

export const demoFrenchNorm = {
  language: "fr",
  title: "Signalement responsable des vulnérabilités des technologies de l’information et de la communication",
  summary:
    "Les États devraient encourager le signalement responsable des vulnérabilités des technologies de l’information et de la communication et partager les informations disponibles sur les moyens d’y remédier, afin de limiter et, si possible, d’éliminer les menaces qui pèsent sur ces technologies et sur les infrastructures qui en dépendent.",
  clauses: [
    "Les États devraient se doter d’une procédure nationale de divulgation coordonnée des vulnérabilités, ouverte aux chercheurs, aux entreprises et aux équipes d’intervention en cas d’urgence informatique.",
    "Les États qui découvrent une vulnérabilité dans un produit largement utilisé devraient en informer le fabricant concerné sans retard injustifié, sauf lorsqu’une évaluation documentée, soumise à un contrôle indépendant, justifie une exception temporaire.",
    "Les États devraient communiquer aux autres États, par l’intermédiaire de leurs équipes nationales d’intervention, les informations techniques nécessaires pour remédier aux vulnérabilités qui menacent des infrastructures critiques.",
    "Les personnes qui signalent une vulnérabilité de bonne foi et conformément à la procédure applicable ne devraient pas faire l’objet de poursuites en raison de ce seul signalement.",
  ],
  rationale:
    "La norme 13 j) du rapport de 2015 du Groupe d’experts gouvernementaux invite les États à encourager le signalement responsable des vulnérabilités. La présente proposition en précise les modalités pratiques : une procédure nationale, un délai pour informer les fabricants, l’échange d’informations entre équipes d’intervention et la protection des chercheurs de bonne foi.",
};

export const demoFrenchNormTranslations = {
  en: {
    title: "Responsible reporting of vulnerabilities in information and communications technologies",
    summary:
      "States should encourage responsible reporting of vulnerabilities in information and communications technologies and share available information on remedies to them, in order to limit and, where possible, eliminate the threats to these technologies and to the infrastructure that depends on them.",
    clauses: [
      "States should establish a national procedure for coordinated vulnerability disclosure, open to researchers, companies and computer emergency response teams.",
      "States that discover a vulnerability in a widely used product should inform the manufacturer concerned without undue delay, except where a documented assessment, subject to independent oversight, justifies a temporary exception.",
      "States should provide other States, through their national response teams, with the technical information needed to remedy vulnerabilities that threaten critical infrastructure.",
      "Persons who report a vulnerability in good faith and in accordance with the applicable procedure should not be prosecuted on account of that report alone.",
    ],
    rationale:
      "Norm 13 (j) of the 2015 report of the Group of Governmental Experts calls on States to encourage responsible reporting of vulnerabilities. This proposal sets out how to do so in practice: a national procedure, a time frame for informing manufacturers, the exchange of information between response teams and the protection of researchers acting in good faith.",
  },
  ar: {
    title: "الإبلاغ المسؤول عن مواطن الضعف في تكنولوجيا المعلومات والاتصالات",
    summary:
      "ينبغي للدول أن تشجع الإبلاغ المسؤول عن مواطن الضعف في تكنولوجيا المعلومات والاتصالات، وأن تتبادل المعلومات المتاحة بشأن سبل معالجتها، من أجل الحد من التهديدات التي تتعرض لها هذه التكنولوجيا والهياكل الأساسية المعتمدة عليها، والقضاء على تلك التهديدات إن أمكن.",
    clauses: [
      "ينبغي للدول أن تضع إجراءً وطنيًا للكشف المنسق عن مواطن الضعف، يكون متاحًا للباحثين والشركات وأفرقة التصدي للطوارئ الحاسوبية.",
      "ينبغي للدول التي تكتشف موطن ضعف في منتج واسع الاستخدام أن تُبلغ الجهة المصنِّعة المعنية دون تأخير لا مبرر له، ما لم يبرر تقييمٌ موثَّق، خاضع لرقابة مستقلة، استثناءً مؤقتًا.",
      "ينبغي للدول أن تزوّد الدول الأخرى، عن طريق أفرقتها الوطنية للتصدي للحوادث، بالمعلومات التقنية اللازمة لمعالجة مواطن الضعف التي تهدد الهياكل الأساسية الحيوية.",
      "لا ينبغي أن يُلاحَق قضائيًا الأشخاص الذين يبلغون بحسن نية عن موطن ضعف، وفقًا للإجراء المعمول به، بسبب هذا الإبلاغ وحده.",
    ],
    rationale:
      "تدعو القاعدة 13 (ي) الواردة في تقرير فريق الخبراء الحكوميين لعام 2015 الدولَ إلى تشجيع الإبلاغ المسؤول عن مواطن الضعف. ويبيّن هذا المقترح السبل العملية لتحقيق ذلك: إجراء وطني، ومهلة لإبلاغ الجهات المصنِّعة، وتبادل المعلومات بين أفرقة التصدي، وحماية الباحثين الذين يتصرفون بحسن نية.",
  },
} as const;

/**
 * Seeds the French norm in consultation, proposed by `proposerId` in their own name, with its English
 * translation provided by the proposer and its Arabic translation by the secretariat. Created before
 * every other demo norm, so the lists' first pages are as they were.
 */
export async function seedDemoTranslatedNorm(tx: Tx, proposerId: string, secretariatId: string) {
  const now = clock.nowMs();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const rules = await stageRules(tx);
  const demo = demoFrenchNorm;
  const [norm] = await tx
    .insert(norms)
    .values({
      slug: slugify(demo.title),
      status: "consultation",
      kind: "common_welfare",
      bindingness: "political",
      language: demo.language,
      rationale: demo.rationale,
      proposerId,
      organizationId: null,
      currentVersion: 1,
      title: demo.title,
      summary: demo.summary,
      submittedAt: at(118),
      stageClosesAt: closesAtAfter(new Date(now), rules.consultation.defaultDays),
      createdAt: at(120),
      updatedAt: at(110),
      lastActivityAt: at(110),
    })
    .returning({ id: norms.id });
  const normId = norm!.id;
  await tx.insert(normVersions).values({ normId, number: 1, title: demo.title, summary: demo.summary, clauses: demo.clauses, changeSummary: "Première version", authorId: proposerId, createdAt: at(120) });
  await tx.insert(normPlacements).values([{ normId, categoryCode: "II" }]);
  await tx.insert(normCitations).values([{ normId, referenceNormId: "ungge-j" }]);
  await tx.insert(normEvents).values([
    { normId, type: "created", toStatus: "draft", version: 1, actorId: proposerId, createdAt: at(120) },
    { normId, type: "submit", fromStatus: "draft", toStatus: "consultation", version: 1, actorId: proposerId, closesAt: closesAtAfter(new Date(now), rules.consultation.defaultDays), createdAt: at(118) },
  ]);
  const provided = { en: { by: proposerId, daysAgo: 115 }, ar: { by: secretariatId, daysAgo: 110 } } as const;
  for (const language of ["en", "ar"] as const) {
    const t = demoFrenchNormTranslations[language];
    await tx.insert(normVersionTranslations).values({
      normId,
      version: 1,
      language,
      title: t.title,
      summary: t.summary,
      clauses: [...t.clauses],
      rationale: t.rationale,
      providedById: provided[language].by,
      createdAt: at(provided[language].daysAgo),
      updatedAt: at(provided[language].daysAgo),
      search: searchVector(language, t.title, t.summary, [...t.clauses]),
    });
  }
  // The norm's search documents with its translations (server/domain/translations.ts).
  await writeNormSearch(tx, normId, demo.language, demo.title, demo.summary, demo.clauses);
  return normId;
}

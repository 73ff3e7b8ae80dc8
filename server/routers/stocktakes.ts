import * as countersign from "../domain/countersign";
import * as stocktakeRecord from "../domain/stocktake-record";
import * as stocktakes from "../domain/stocktakes";
import {
  correctionAnswerInput,
  correctionLogInput,
  correctionRequestInput,
  narrativeInput,
  observationInput,
  openStocktakeInput,
  organizationStocktakeInput,
  publishInput,
  replyInput,
  revisionInput,
  reviewObservationInput,
  statementFormInput,
  statementInput,
  yearInput,
} from "../schemas/stocktakes";
import { renderReportPdfInWorker, warmPdfWorker } from "../stocktake-pdf/in-worker";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const stocktakesRouter = createTRPCRouter({
  list: publicProcedure("stocktake.list").query(({ ctx }) => stocktakes.listStocktakes(ctx.db)),
  get: publicProcedure("stocktake.get")
    .input(yearInput)
    .query(({ ctx, input }) => stocktakes.getStocktake(ctx.db, ctx.actor, input.year)),
  // The published bytes: read by the report page and the open-data downloads.
  revision: publicProcedure("stocktake.revision")
    .input(revisionInput)
    .query(({ ctx, input }) => stocktakes.publishedRevision(ctx.db, input.year, input.revision, input.language)),
  // What the opening form offers: the norms a stock-take may cover, most-positioned first, up to the bound.
  coverable: actorProcedure("stocktake.coverable").query(({ ctx }) => stocktakes.coverableNorms(ctx.db)),
  open: actorProcedure("stocktake.open")
    .input(openStocktakeInput)
    .mutation(({ ctx, input }) => stocktakes.openStocktake(ctx.db, ctx.actor, input)),
  close: actorProcedure("stocktake.close")
    .input(yearInput)
    .mutation(({ ctx, input }) => stocktakes.closeStocktake(ctx.db, ctx.actor, input.year)),
  saveNarrative: actorProcedure("stocktake.saveNarrative")
    .input(narrativeInput)
    .mutation(({ ctx, input }) => stocktakes.saveNarrative(ctx.db, ctx.actor, input)),
  preview: actorProcedure("stocktake.preview")
    .input(yearInput)
    .query(({ ctx, input }) => stocktakes.previewReport(ctx.db, input.year)),
  // Asked by the pages a publication starts from (the year's page once closed, the preview).
  preparePublication: actorProcedure("stocktake.preparePublication")
    .input(yearInput)
    .query(({ ctx, input }) => stocktakes.preparePublication(ctx.db, input.year, warmPdfWorker)),
  publish: actorProcedure("stocktake.publish")
    .input(publishInput)
    .mutation(({ ctx, input }) => stocktakes.publishStocktake(ctx.db, ctx.actor, input, renderReportPdfInWorker)),
  publishProgress: actorProcedure("stocktake.publishProgress")
    .input(yearInput)
    .query(({ ctx, input }) => stocktakes.publicationProgress(ctx.db, input.year)),
  statementForm: actorProcedure("stocktake.statementForm")
    .input(statementFormInput)
    .query(({ ctx, input }) => stocktakes.statementForm(ctx.db, ctx.actor, input.year)),
  fileStatement: actorProcedure("stocktake.fileStatement")
    .input(statementInput)
    // Sent for countersignature where the organisation requires it (countersign.ts), else filed.
    .mutation(({ ctx, input }) => countersign.enterStatement(ctx.db, ctx.actor, input)),
  logObservation: actorProcedure("stocktake.logObservation")
    .input(observationInput)
    .mutation(({ ctx, input }) => stocktakes.logObservation(ctx.db, ctx.actor, input)),
  reviewObservation: actorProcedure("stocktake.reviewObservation")
    .input(reviewObservationInput)
    .mutation(({ ctx, input }) => stocktakes.reviewObservation(ctx.db, ctx.actor, input)),
  reply: actorProcedure("stocktake.reply")
    .input(replyInput)
    .mutation(({ ctx, input }) => countersign.enterReply(ctx.db, ctx.actor, input)),
  // After publication: anyone signed in asks for a correction; the secretariat answers; both public.
  requestCorrection: actorProcedure("stocktake.requestCorrection")
    .input(correctionRequestInput)
    .mutation(({ ctx, input }) => stocktakes.requestCorrection(ctx.db, ctx.actor, input)),
  answerCorrection: actorProcedure("stocktake.answerCorrection")
    .input(correctionAnswerInput)
    .mutation(({ ctx, input }) => stocktakes.answerCorrection(ctx.db, ctx.actor, input)),
  corrections: publicProcedure("stocktake.corrections")
    .input(correctionLogInput)
    .query(({ ctx, input }) => stocktakes.correctionLog(ctx.db, input)),
  // The organisation's statements (in published reports) and replies, each naming who entered it.
  forOrganization: publicProcedure("stocktake.forOrganization")
    .input(organizationStocktakeInput)
    .query(({ ctx, input }) => stocktakeRecord.stocktakeEntriesForOrganization(ctx.db, ctx.actor, input.slug)),
});

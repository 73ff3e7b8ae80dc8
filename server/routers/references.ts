import { compare, searchCompareChoices } from "../domain/compare";
import { correctReferenceNorm, getCorrectionHistory } from "../domain/reference-corrections";
import * as refs from "../domain/references";
import { compareInput, compareSearchInput } from "../schemas/compare";
import { correctReferenceNormInput, listForumsInput, referenceNormIdInput } from "../schemas/references";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const referencesRouter = createTRPCRouter({
  matrix: publicProcedure("reference.matrix").query(({ ctx }) => refs.getMatrix(ctx.db)),
  norm: publicProcedure("reference.norm")
    .input(referenceNormIdInput)
    .query(({ ctx, input }) => refs.getReferenceNorm(ctx.db, input.id)),
  compare: publicProcedure("reference.compare")
    .input(compareInput)
    .query(({ ctx, input }) => compare(ctx.db, input)),
  compareChoices: publicProcedure("reference.compareChoices")
    .input(compareSearchInput)
    .query(({ ctx, input }) => searchCompareChoices(ctx.db, input)),
  forums: publicProcedure("reference.forums")
    .input(listForumsInput)
    .query(({ ctx, input }) => refs.listForums(ctx.db, input)),
  history: publicProcedure("reference.history")
    .input(referenceNormIdInput)
    .query(({ ctx, input }) => getCorrectionHistory(ctx.db, input.id)),
  correct: actorProcedure("reference.correct")
    .input(correctReferenceNormInput)
    .mutation(({ ctx, input }) => correctReferenceNorm(ctx.db, ctx.actor, input)),
});

import * as refs from "../domain/references";
import { listForumsInput, referenceNormIdInput } from "../schemas/references";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const referencesRouter = createTRPCRouter({
  matrix: publicProcedure("reference.matrix").query(({ ctx }) => refs.getMatrix(ctx.db)),
  norm: publicProcedure("reference.norm")
    .input(referenceNormIdInput)
    .query(({ ctx, input }) => refs.getReferenceNorm(ctx.db, input.id)),
  forums: publicProcedure("reference.forums")
    .input(listForumsInput)
    .query(({ ctx, input }) => refs.listForums(ctx.db, input)),
});

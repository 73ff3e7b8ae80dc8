// The growing library, uptake and the glossary (issue 19). Anyone reads; the secretariat records
// uptake; administrators add documents, their norms and forums-timeline entries.
import { getGlossary, glossaryPhrases } from "../domain/glossary";
import { addForum, addReferenceDocument, addReferenceNorm, listAddedDocuments } from "../domain/library";
import { deleteUptake, recordUptake, updateUptake, uptakeForNorm, uptakeForState } from "../domain/uptake";
import { addForumInput, addReferenceDocumentInput, addReferenceNormInput, recordUptakeInput, updateUptakeInput, uptakeForNormInput, uptakeForStateInput, uptakeIdInput } from "../schemas/library";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const libraryRouter = createTRPCRouter({
  addedDocuments: publicProcedure("library.addedDocuments").query(({ ctx }) => listAddedDocuments(ctx.db)),
  addDocument: actorProcedure("library.addDocument")
    .input(addReferenceDocumentInput)
    .mutation(({ ctx, input }) => addReferenceDocument(ctx.db, ctx.actor, input)),
  addNorm: actorProcedure("library.addNorm")
    .input(addReferenceNormInput)
    .mutation(({ ctx, input }) => addReferenceNorm(ctx.db, ctx.actor, input)),
  addForum: actorProcedure("library.addForum")
    .input(addForumInput)
    .mutation(({ ctx, input }) => addForum(ctx.db, ctx.actor, input)),
});

export const uptakeRouter = createTRPCRouter({
  forNorm: publicProcedure("uptake.forNorm")
    .input(uptakeForNormInput)
    .query(({ ctx, input }) => uptakeForNorm(ctx.db, input)),
  forState: publicProcedure("uptake.forState")
    .input(uptakeForStateInput)
    .query(({ ctx, input }) => uptakeForState(ctx.db, input.iso)),
  record: actorProcedure("uptake.record")
    .input(recordUptakeInput)
    .mutation(({ ctx, input }) => recordUptake(ctx.db, ctx.actor, input)),
  update: actorProcedure("uptake.update")
    .input(updateUptakeInput)
    .mutation(({ ctx, input }) => updateUptake(ctx.db, ctx.actor, input)),
  delete: actorProcedure("uptake.delete")
    .input(uptakeIdInput)
    .mutation(({ ctx, input }) => deleteUptake(ctx.db, ctx.actor, input.id)),
});

export const glossaryRouter = createTRPCRouter({
  list: publicProcedure("glossary.list").query(({ ctx }) => getGlossary(ctx.db)),
  phrases: publicProcedure("glossary.phrases").query(({ ctx }) => glossaryPhrases(ctx.db)),
});

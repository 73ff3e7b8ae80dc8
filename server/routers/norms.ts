import * as norms from "../domain/norms";
import * as queries from "../domain/norm-queries";
import {
  coauthorInput,
  createNormInput,
  invitationIdInput,
  listNormsPageInput,
  mergeInput,
  normSlugInput,
  normVersionInput,
  redlineInput,
  removeCoauthorInput,
  respondToInvitationInput,
  reviseNormInput,
  secretariatTransitionInput,
  transitionInput,
} from "../schemas/norms";
import { extendStageInput } from "../schemas/process";
import { translateInput, translationInput } from "../schemas/translations";
import * as translations from "../domain/translations";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const normsRouter = createTRPCRouter({
  list: publicProcedure("norm.list")
    .input(listNormsPageInput)
    .query(({ ctx, input }) => queries.listNorms(ctx.db, input)),
  get: publicProcedure("norm.get")
    .input(normSlugInput)
    .query(({ ctx, input }) => queries.getNorm(ctx.db, ctx.actor, input.slug)),
  version: publicProcedure("norm.version")
    .input(normVersionInput)
    .query(({ ctx, input }) => queries.getVersion(ctx.db, ctx.actor, input.slug, input.number)),
  redline: publicProcedure("norm.redline")
    .input(redlineInput)
    .query(({ ctx, input }) => queries.redline(ctx.db, ctx.actor, input.slug, input.from, input.to, input.language)),
  formOptions: publicProcedure("norm.formOptions").query(({ ctx }) => queries.normFormOptions(ctx.db, ctx.actor)),
  mine: actorProcedure("norm.mine").query(({ ctx }) => queries.myNorms(ctx.db, ctx.actor)),
  create: actorProcedure("norm.create")
    .input(createNormInput)
    .mutation(({ ctx, input }) => norms.createNorm(ctx.db, ctx.actor, input)),
  revise: actorProcedure("norm.revise")
    .input(reviseNormInput)
    .mutation(({ ctx, input }) => norms.reviseNorm(ctx.db, ctx.actor, input)),
  submit: actorProcedure("norm.submit")
    .input(transitionInput)
    .mutation(({ ctx, input }) => norms.transitionNorm(ctx.db, ctx.actor, input.normId, "submit", input.note)),
  withdraw: actorProcedure("norm.withdraw")
    .input(transitionInput)
    .mutation(({ ctx, input }) => norms.transitionNorm(ctx.db, ctx.actor, input.normId, "withdraw", input.note)),
  transition: actorProcedure("norm.transition")
    .input(secretariatTransitionInput)
    .mutation(({ ctx, input }) =>
      norms.transitionNorm(ctx.db, ctx.actor, input.normId, input.transition, input.statement, {
        lastDay: input.lastDay,
        override: input.override ? input.overrideReason : null,
        sealed: input.sealed,
      }),
    ),
  extendStage: actorProcedure("norm.extendStage")
    .input(extendStageInput)
    .mutation(({ ctx, input }) => norms.extendStage(ctx.db, ctx.actor, input)),
  awaitingDecision: actorProcedure("norm.awaitingDecision").query(({ ctx }) => queries.awaitingDecision(ctx.db)),
  merge: actorProcedure("norm.merge")
    .input(mergeInput)
    .mutation(({ ctx, input }) => norms.mergeNorm(ctx.db, ctx.actor, input.normId, input.intoSlug, input.statement)),
  inviteCoauthor: actorProcedure("norm.inviteCoauthor")
    .input(coauthorInput)
    .mutation(({ ctx, input }) => norms.inviteCoauthor(ctx.db, ctx.mailer, ctx.actor, input.normId, input.email)),
  cancelInvitation: actorProcedure("norm.cancelInvitation")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => norms.cancelInvitation(ctx.db, ctx.actor, input.invitationId)),
  invitations: actorProcedure("norm.invitations").query(({ ctx }) => norms.myInvitations(ctx.db, ctx.actor)),
  respondToInvitation: actorProcedure("norm.respondToInvitation")
    .input(respondToInvitationInput)
    .mutation(({ ctx, input }) => norms.respondToInvitation(ctx.db, ctx.actor, input.invitationId, input.accept)),
  // Translations of a version (server/domain/translations.ts): anyone reads; its authors and the secretariat write.
  translation: publicProcedure("norm.translation")
    .input(translationInput)
    .query(({ ctx, input }) => translations.translationOf(ctx.db, ctx.actor, input.slug, input.number, input.language)),
  translate: actorProcedure("norm.translate")
    .input(translateInput)
    .mutation(({ ctx, input }) => translations.translate(ctx.db, ctx.actor, input)),
  removeCoauthor: actorProcedure("norm.removeCoauthor")
    .input(removeCoauthorInput)
    .mutation(({ ctx, input }) => norms.removeCoauthor(ctx.db, ctx.actor, input.normId, input.userId)),
});

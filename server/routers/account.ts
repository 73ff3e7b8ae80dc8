import * as accounts from "../domain/accounts";
import * as addresses from "../domain/addresses";
import * as privacy from "../domain/privacy";
import {
  appealInput,
  changePasswordInput,
  emailOnlyInput,
  resetPasswordInput,
  setLocaleInput,
  signUpInput,
  tokenInput,
  updateProfileInput,
} from "../schemas/accounts";
import { deleteAccountInput } from "../schemas/privacy";
import { addAddressInput, addressIdInput, confirmAddressInput } from "../schemas/representation";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure("account.signUp")
    .input(signUpInput)
    .mutation(({ ctx, input }) => accounts.signUp(ctx.db, ctx.mailer, input, ctx.ip)),
  verifyEmail: publicProcedure("account.verifyEmail")
    .input(tokenInput)
    .mutation(({ ctx, input }) => accounts.verifyEmail(ctx.db, input.token)),
  resendVerification: publicProcedure("account.resendVerification")
    .input(emailOnlyInput)
    .mutation(({ ctx, input }) => accounts.resendVerification(ctx.db, ctx.mailer, input.email, ctx.ip)),
  requestPasswordReset: publicProcedure("account.requestPasswordReset")
    .input(emailOnlyInput)
    .mutation(({ ctx, input }) => accounts.requestPasswordReset(ctx.db, ctx.mailer, input.email, ctx.ip)),
  resetPassword: publicProcedure("account.resetPassword")
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => accounts.resetPassword(ctx.db, input, ctx.ip)),
  me: actorProcedure("account.me").query(({ ctx }) => accounts.me(ctx.db, ctx.actor)),
  changePassword: actorProcedure("account.changePassword")
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => accounts.changePassword(ctx.db, ctx.actor, input)),
  signOutEverywhere: actorProcedure("account.signOutEverywhere").mutation(({ ctx }) =>
    accounts.signOutEverywhere(ctx.db, ctx.actor),
  ),
  updateProfile: actorProcedure("account.updateProfile")
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => accounts.updateProfile(ctx.db, ctx.actor, input)),
  setLocale: actorProcedure("account.setLocale")
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => accounts.setLocale(ctx.db, ctx.actor, input)),
  appeal: actorProcedure("account.appeal")
    .input(appealInput)
    .mutation(({ ctx, input }) => accounts.appeal(ctx.db, ctx.actor, input)),
  export: actorProcedure("account.export").query(({ ctx }) => privacy.exportPersonalData(ctx.db, ctx.actor)),
  addresses: actorProcedure("account.addresses").query(({ ctx }) => addresses.listAddresses(ctx.db, ctx.actor)),
  addAddress: actorProcedure("account.addAddress")
    .input(addAddressInput)
    .mutation(({ ctx, input }) => addresses.addAddress(ctx.db, ctx.mailer, ctx.actor, input)),
  confirmAddress: actorProcedure("account.confirmAddress")
    .input(confirmAddressInput)
    .mutation(({ ctx, input }) => addresses.confirmAddress(ctx.db, ctx.actor, input.token)),
  removeAddress: actorProcedure("account.removeAddress")
    .input(addressIdInput)
    .mutation(({ ctx, input }) => addresses.removeAddress(ctx.db, ctx.actor, input.addressId)),
  delete: actorProcedure("account.delete")
    .input(deleteAccountInput)
    .mutation(({ ctx, input }) => privacy.deleteAccount(ctx.db, ctx.actor, input)),
});

import * as users from "../domain/users";
import {
  decideAppealInput,
  liftSuspensionInput,
  listAuditInput,
  listUsersInput,
  setRoleInput,
  suspendInput,
} from "../schemas/users";
import { actorProcedure, createTRPCRouter } from "../trpc";

export const usersRouter = createTRPCRouter({
  list: actorProcedure("user.list")
    .input(listUsersInput)
    .query(({ ctx, input }) => users.listUsers(ctx.db, ctx.actor, input)),
  setRole: actorProcedure("user.setRole")
    .input(setRoleInput)
    .mutation(({ ctx, input }) => users.setRole(ctx.db, ctx.actor, input)),
  suspend: actorProcedure("user.suspend")
    .input(suspendInput)
    .mutation(({ ctx, input }) => users.suspendUser(ctx.db, ctx.actor, input)),
  liftSuspension: actorProcedure("user.liftSuspension")
    .input(liftSuspensionInput)
    .mutation(({ ctx, input }) => users.liftSuspension(ctx.db, ctx.actor, input)),
  appeals: actorProcedure("user.appeals").query(({ ctx }) => users.listAppeals(ctx.db, ctx.actor)),
  decideAppeal: actorProcedure("user.decideAppeal")
    .input(decideAppealInput)
    .mutation(({ ctx, input }) => users.decideAppeal(ctx.db, ctx.actor, input)),
});

export const auditRouter = createTRPCRouter({
  list: actorProcedure("audit.list")
    .input(listAuditInput)
    .query(({ ctx, input }) => users.listAudit(ctx.db, input)),
});

import * as notifications from "../domain/notifications";
import { followInput, followTargetInput, markReadInput, notificationListInput, preferencesInput } from "../schemas/notifications";
import { actorProcedure, createTRPCRouter } from "../trpc";

// Following and the notification centre (issue 18): every procedure reads or changes the signed-in
// person's own rows only (the domain keys them by the actor's id), so someone else's notification
// is "not found" and nobody reads another's preferences.
export const notificationsRouter = createTRPCRouter({
  follow: actorProcedure("notification.follow")
    .input(followInput)
    .mutation(({ ctx, input }) => notifications.setFollow(ctx.db, ctx.actor, input)),
  following: actorProcedure("notification.following")
    .input(followTargetInput)
    .query(({ ctx, input }) => notifications.followState(ctx.db, ctx.actor, input)),
  follows: actorProcedure("notification.follows").query(({ ctx }) => notifications.listFollows(ctx.db, ctx.actor)),
  list: actorProcedure("notification.list")
    .input(notificationListInput)
    .query(({ ctx, input }) => notifications.listNotifications(ctx.db, ctx.actor, input)),
  unreadCount: actorProcedure("notification.unreadCount").query(({ ctx }) => notifications.unreadCount(ctx.db, ctx.actor.id)),
  markRead: actorProcedure("notification.markRead")
    .input(markReadInput)
    .mutation(({ ctx, input }) => notifications.markRead(ctx.db, ctx.actor, input)),
  markAllRead: actorProcedure("notification.markAllRead").mutation(({ ctx }) => notifications.markAllRead(ctx.db, ctx.actor)),
  preferences: actorProcedure("notification.preferences").query(({ ctx }) => notifications.getPreferences(ctx.db, ctx.actor.id)),
  setPreferences: actorProcedure("notification.setPreferences")
    .input(preferencesInput)
    .mutation(({ ctx, input }) => notifications.setPreferences(ctx.db, ctx.actor.id, input.rhythms)),
});

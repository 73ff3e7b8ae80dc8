import { changeStageRule, processRules } from "../domain/process";
import { changeProcessSettingInput } from "../schemas/process";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

// The consultation clock's published rules (/about/process).
export const processRouter = createTRPCRouter({
  rules: publicProcedure("process.rules").query(({ ctx }) => processRules(ctx.db)),
  changeRule: actorProcedure("process.changeRule")
    .input(changeProcessSettingInput)
    .mutation(({ ctx, input }) => changeStageRule(ctx.db, ctx.actor, input)),
});

// Profiles across years (issue 19): every UN member and observer state, each actor's record (a
// state's or an organisation's) and two or three actors side by side. All public: the domain reads
// only what the public already sees elsewhere.
import * as record from "../domain/actor-record";
import { actorRecordInput, compareActorsInput, stateListInput } from "../schemas/actors";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const actorsRouter = createTRPCRouter({
  states: publicProcedure("actor.states")
    .input(stateListInput)
    .query(({ ctx }) => record.listStates(ctx.db)),
  record: publicProcedure("actor.record")
    .input(actorRecordInput)
    .query(({ ctx, input }) => record.actorRecord(ctx.db, ctx.actor, input)),
  compare: publicProcedure("actor.compare")
    .input(compareActorsInput)
    .query(({ ctx, input }) => record.compareActors(ctx.db, ctx.actor, input)),
});

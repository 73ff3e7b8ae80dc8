import * as orgs from "../domain/organizations";
import * as representation from "../domain/representation";
import {
  createOrganizationInput,
  decideJoinRequestInput,
  joinRequestIdInput,
  listOrganizationsInput,
  memberInput,
  organizationIdInput,
  requestJoinInput,
  setListedInput,
  setMemberRoleInput,
  slugInput,
  updateOrganizationInput,
} from "../schemas/organizations";
import * as nominations from "../domain/nominations";
import { addDomainInput, domainIdInput, nominationInput } from "../schemas/representation";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const organizationsRouter = createTRPCRouter({
  list: publicProcedure("organization.list")
    .input(listOrganizationsInput)
    .query(({ ctx, input }) => orgs.listOrganizations(ctx.db, input)),
  get: publicProcedure("organization.get")
    .input(slugInput)
    .query(({ ctx, input }) => orgs.getOrganization(ctx.db, ctx.actor, input.slug)),
  mine: actorProcedure("organization.mine").query(({ ctx }) => orgs.myOrganizations(ctx.db, ctx.actor)),
  create: actorProcedure("organization.create")
    .input(createOrganizationInput)
    .mutation(({ ctx, input }) => orgs.createOrganization(ctx.db, ctx.actor, input)),
  update: actorProcedure("organization.update")
    .input(updateOrganizationInput)
    .mutation(({ ctx, input }) => orgs.updateOrganization(ctx.db, ctx.actor, input)),
  // An observer's representative asks to take part fully (issue 17).
  requestParticipation: actorProcedure("organization.requestParticipation")
    .input(organizationIdInput)
    .mutation(({ ctx, input }) => orgs.requestFullParticipation(ctx.db, ctx.actor, input.organizationId)),
  requestJoin: actorProcedure("organization.requestJoin")
    .input(requestJoinInput)
    .mutation(({ ctx, input }) => orgs.requestJoin(ctx.db, ctx.actor, input)),
  withdrawJoinRequest: actorProcedure("organization.withdrawJoinRequest")
    .input(joinRequestIdInput)
    .mutation(({ ctx, input }) => orgs.withdrawJoinRequest(ctx.db, ctx.actor, input.requestId)),
  joinRequests: actorProcedure("organization.joinRequests")
    .input(organizationIdInput)
    .query(({ ctx, input }) => orgs.listJoinRequests(ctx.db, ctx.actor, input.organizationId)),
  decideJoinRequest: actorProcedure("organization.decideJoinRequest")
    .input(decideJoinRequestInput)
    .mutation(({ ctx, input }) => orgs.decideJoinRequest(ctx.db, ctx.actor, input)),
  members: actorProcedure("organization.members")
    .input(organizationIdInput)
    .query(({ ctx, input }) => orgs.listMembers(ctx.db, ctx.actor, input.organizationId)),
  setMemberRole: actorProcedure("organization.setMemberRole")
    .input(setMemberRoleInput)
    .mutation(({ ctx, input }) => orgs.setMemberRole(ctx.db, ctx.actor, input)),
  removeMember: actorProcedure("organization.removeMember")
    .input(memberInput)
    .mutation(({ ctx, input }) => orgs.removeMember(ctx.db, ctx.actor, input)),
  leave: actorProcedure("organization.leave")
    .input(organizationIdInput)
    .mutation(({ ctx, input }) => orgs.leaveOrganization(ctx.db, ctx.actor, input.organizationId)),
  setListed: actorProcedure("organization.setListed")
    .input(setListedInput)
    .mutation(({ ctx, input }) => orgs.setListed(ctx.db, ctx.actor, input)),
  // Nominations waiting for the secretariat (states and intergovernmental organisations, issue 17).
  nominations: actorProcedure("organization.nominations")
    .input(organizationIdInput)
    .query(({ ctx, input }) => nominations.nominationsOf(ctx.db, ctx.actor, input.organizationId)),
  withdrawNomination: actorProcedure("organization.withdrawNomination")
    .input(nominationInput)
    .mutation(({ ctx, input }) => nominations.withdrawNomination(ctx.db, ctx.actor, input)),
  // A representative reconfirms their own representation before it lapses.
  reconfirm: actorProcedure("organization.reconfirm")
    .input(organizationIdInput)
    .mutation(({ ctx, input }) => nominations.reconfirmRepresentation(ctx.db, ctx.actor, input.organizationId)),
  domains: actorProcedure("organization.domains")
    .input(organizationIdInput)
    .query(({ ctx, input }) => representation.listDomains(ctx.db, ctx.actor, input.organizationId)),
  addDomain: actorProcedure("organization.addDomain")
    .input(addDomainInput)
    .mutation(({ ctx, input }) => representation.addDomain(ctx.db, ctx.actor, input)),
  removeDomain: actorProcedure("organization.removeDomain")
    .input(domainIdInput)
    .mutation(({ ctx, input }) => representation.removeDomain(ctx.db, ctx.actor, input)),
});

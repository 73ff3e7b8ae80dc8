"use server";

// The organisation's domain forms post here (docs/performance.md, "Page budgets"): each action
// calls its procedure through the server-side caller, with the procedure's own policy and
// validation, so the forms work before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { valueOf } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";

/** Registers one of the organisation's official email domains; it waits for the secretariat. */
export async function addDomainAction(previous: ActionState<{ domain: string }>, formData: FormData): Promise<ActionState<{ domain: string }>> {
  const values = formValues(formData, ["organizationId", "slug", "domain"]);
  try {
    const { domain } = await api.organizations.addDomain({ organizationId: valueOf(values, "organizationId"), domain: valueOf(values, "domain") });
    revalidatePath(`/organizations/${valueOf(values, "slug")}/manage`);
    return succeeded(previous, { domain }, { ...values, domain: "" });
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** Removes a domain, unless a representation rests on an address at it. */
export async function removeDomainAction(previous: ActionState<{ domain: string }>, formData: FormData): Promise<ActionState<{ domain: string }>> {
  const values = formValues(formData, ["organizationId", "slug", "domainId"]);
  try {
    const { removed } = await api.organizations.removeDomain({ organizationId: valueOf(values, "organizationId"), domainId: valueOf(values, "domainId") });
    revalidatePath(`/organizations/${valueOf(values, "slug")}/manage`);
    revalidatePath(`/organizations/${valueOf(values, "slug")}`);
    return succeeded(previous, { domain: removed }, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** A representative reconfirms their own representation before it lapses (issue 17). */
export async function reconfirmAction(previous: ActionState<{ reconfirmBy: string | null }>, formData: FormData): Promise<ActionState<{ reconfirmBy: string | null }>> {
  const values = formValues(formData, ["organizationId", "slug"]);
  try {
    const { reconfirmBy } = await api.organizations.reconfirm({ organizationId: valueOf(values, "organizationId") });
    revalidatePath(`/organizations/${valueOf(values, "slug")}/manage`);
    return succeeded(previous, { reconfirmBy: reconfirmBy?.toISOString() ?? null }, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** A representative withdraws a nomination still waiting for the secretariat. */
export async function withdrawNominationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["organizationId", "slug", "nominationId"]);
  try {
    await api.organizations.withdrawNomination({ organizationId: valueOf(values, "organizationId"), nominationId: valueOf(values, "nominationId") });
    revalidatePath(`/organizations/${valueOf(values, "slug")}/manage`);
    return succeeded(previous, true, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

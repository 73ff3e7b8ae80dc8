// Which of a representative's organisations the positions panel starts with. Pure, for the panel and its test.

interface OrganizationWithPosition {
  id: string;
  name: string;
  position: { version: number; current: boolean } | null;
}

/** The organisations whose position was given on an earlier version and so needs reaffirming, in the given order. */
export const needingReaffirmation = <O extends OrganizationWithPosition>(organizations: readonly O[]) =>
  organizations.filter((o) => o.position !== null && !o.position.current);

/**
 * The organisation chosen first: the first one whose position needs reaffirming, so a
 * representative of several cannot miss it behind another name; otherwise the first one.
 */
export function initialOrganization<O extends OrganizationWithPosition>(organizations: readonly O[]): O {
  return needingReaffirmation(organizations)[0] ?? organizations[0]!;
}

// A person's display name as it may appear in mail sent to any address (sign-up lets anyone put
// any name beside any address). Mail clients turn addresses and domains into links and show line
// breaks, so a name could carry a phishing line or link in the forum's own words. In mail a name
// is one line of at most 80 characters, and a name that looks like a link or an address is left
// out altogether: the greeting is then just "Hello,". Dropping it is plainer than rewriting it,
// and the person loses nothing (the mail is about their address, not their name).

// Control characters, invisible format characters (bidi overrides, zero-width) and line or
// paragraph separators, each becomes a space.
const unprintable = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// What a mail client might autolink: a scheme, "www.", an @, a dot joining two word characters
// followed by letters (a domain), or digits either side of a dot (an IP address).
const linkLike = /:\/\/|www\.|@|[\p{L}\p{N}_-]\.\p{L}{2}|\d\.\d|mailto:/iu;

export function nameForMail(displayName: string): string | null {
  const oneLine = displayName.replace(unprintable, " ").replace(/\s+/gu, " ").trim().slice(0, 80).trim();
  if (oneLine.length === 0 || linkLike.test(oneLine)) return null;
  return oneLine;
}

/** "Hello Ana," or, without a usable name, "Hello,". */
export const greeting = (displayName: string) => {
  const name = nameForMail(displayName);
  return name ? `Hello ${name},` : "Hello,";
};

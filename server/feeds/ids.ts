// Atom ids (RFC 4287 §4.2.6): permanent and never reused, so a feed reader shows each event once,
// however often the feed is read, whatever is edited later and wherever the forum is served from.
// They are built only from database ids, never from titles or other editable text, and not from
// the site's address (a move to another host must not make every entry new).
//
// A record with a UUID key is `urn:uuid:<its id>` (RFC 9562 §4). Anything else (a feed, a
// moderation-log entry numbered by the database, a stock-take window's opening) has a name-based
// UUID (version 5, RFC 9562 §5.5) of a fixed name in the forum's own namespace below: the same
// name always gives the same id. Never change FEED_NAMESPACE or a name: every reader would see
// the whole history again as new.
import { createHash } from "node:crypto";

/** The forum's namespace for name-based ids (a random UUID chosen once, issue 18). */
export const FEED_NAMESPACE = "2f0b7c1e-6a4d-4c55-9f3e-8d1b6c2a9e47";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's own UUID as a URN. */
export function urnOf(uuid: string): string {
  if (!UUID.test(uuid)) throw new Error(`Not a UUID: ${uuid}`);
  return `urn:uuid:${uuid.toLowerCase()}`;
}

/** A name-based UUID (version 5) in `namespace`. */
export function uuidV5(name: string, namespace = FEED_NAMESPACE): string {
  if (!UUID.test(namespace)) throw new Error(`Not a UUID: ${namespace}`);
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The permanent id of something named by `parts` (database ids and fixed words only). */
export const namedId = (...parts: (string | number)[]) => `urn:uuid:${uuidV5(parts.join("/"))}`;

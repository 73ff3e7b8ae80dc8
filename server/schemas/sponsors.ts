import { z } from "zod";

// requested: asked by a representative of the organisation, awaiting the norm's authors;
// accepted: the organisation co-sponsors the norm (a "champion", as the EastWest paper says);
// declined: by the authors; withdrawn: by the organisation, as a request or as a sponsorship.
export const sponsorStates = ["requested", "accepted", "declined", "withdrawn"] as const;
export type SponsorState = (typeof sponsorStates)[number];

export const MAX_SPONSOR_MESSAGE = 500;

/** A representative asks, for one verified organisation they represent, to co-sponsor a norm. */
export const requestSponsorshipInput = z.strictObject({
  normId: z.uuid(),
  organizationId: z.uuid({ error: "Choose the organisation to co-sponsor the norm for." }),
  // A short word to the authors: why the organisation wants to co-sponsor it. Seen only by them
  // and the organisation's representatives while the request is open.
  message: z
    .string()
    .trim()
    .max(MAX_SPONSOR_MESSAGE, `The message must be ${MAX_SPONSOR_MESSAGE.toLocaleString("en")} characters or fewer.`)
    .default(""),
});

/** One request or sponsorship: to withdraw it (its organisation), or to accept or decline it (the norm's authors). */
export const sponsorRef = z.strictObject({ sponsorId: z.uuid() });

export const normSponsorsInput = z.strictObject({ slug: z.string().min(1).max(120) });
export const organizationSponsorshipsInput = z.strictObject({ slug: z.string().min(1).max(120) });

/**
 * The name of the observation form's choice for one norm: "assessment:<item id>". Apart from the
 * form's parsing (form-input.ts, which brings zod), so the form in the browser does not carry it.
 */
export const ASSESSMENT = "assessment:";

/** Blank actor and source rows the observation form offers: enough for most, without script. */
export const ACTOR_ROWS = 4;
export const SOURCE_ROWS = 4;

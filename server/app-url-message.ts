// No imports: loaded by instrumentation.ts, which Next.js also compiles for the edge runtime.
export const MISSING_APP_URL =
  "APP_URL is not set. In production the forum must be told its public address (for example APP_URL=https://forum.example.org): " +
  "it is used in mailed links, open data and citations, and is never guessed from a request's Host header.";

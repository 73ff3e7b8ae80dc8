// Databases the tests make on TEST_DATABASE_URL's server are named after TEST_DATABASE_URL's own
// database (`nft_<database>_…`), so test runs pointed at different databases of one server (several
// people working at once) never clone, drop or clean up each other's template and copies.
const base = (url: string) => new URL(url).pathname.slice(1).replace(/[^a-z0-9_]/gi, "_").toLowerCase() || "postgres";

/** The prefix of every database a test run on `url` makes. */
export const testDatabasePrefix = (url: string) => `nft_${base(url)}_`;

/** The migrated database each test file clones. */
export const templateDatabase = (url: string) => `${testDatabasePrefix(url)}template`;

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

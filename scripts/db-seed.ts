// Loads reference data (only what is missing) and, with SEED_DEMO=true, the demo accounts.
import { openPglite, openPostgres } from "~/db/connect";
import { seed } from "~/db/seed";

const url = process.env.DATABASE_URL;
const demo = process.env.SEED_DEMO === "true" || (process.env.SEED_DEMO === undefined && process.env.NODE_ENV !== "production" && !url);
const database = url ? openPostgres(url, { max: 1 }) : await openPglite(process.env.PGLITE_DATA_DIR ?? ".data/pglite");
await seed(database.db, { demo });
await database.close();
console.log(`Seeded reference data${demo ? " and demo data" : ""} (${database.kind}).`);

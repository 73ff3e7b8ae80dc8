// Applies the committed migrations to DATABASE_URL (or the embedded database when it is unset).
import { openPglite, openPostgres } from "~/db/connect";

const url = process.env.DATABASE_URL;
const database = url ? openPostgres(url, { max: 1 }) : await openPglite(process.env.PGLITE_DATA_DIR ?? ".data/pglite");
await database.migrate();
await database.close();
console.log(`Migrations applied (${database.kind}).`);

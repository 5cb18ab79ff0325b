import { createDb, migrateDb, DEFAULT_DATABASE_URL } from "./client.ts";

const database = await createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, process.env.DATABASE_AUTH_TOKEN);
await migrateDb(database);
console.log(`Migraties toegepast op ${database.url}`);
database.close();

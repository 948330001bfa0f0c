// npm run db:migrate – applies prisma/migrations to DATABASE_URL, or to the embedded database without it.
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/db/migrations";
import { withSqlConnection } from "@/lib/db/sql-connection";

const target = env.DATABASE_URL
  ? new URL(env.DATABASE_URL).pathname.slice(1)
  : `embedded (${env.PGLITE_DATA_DIR})`;
try {
  const applied = await withSqlConnection((connection) => applyMigrations(connection));
  console.log(
    applied.length
      ? `db:migrate applied ${applied.length} migration(s) to ${target}: ${applied.join(", ")}`
      : `db:migrate: ${target} is up to date`,
  );
} catch (error) {
  console.error(`db:migrate failed on ${target}: ${(error as Error).message}`);
  process.exit(1);
}

import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";
import { run } from "./processes";

// The benchmark's databases: a fresh one on the machine's PostgreSQL for the throughput runs, and a private
// PostgreSQL instance of its own for the outage run, which it stops and starts (never the shared server).

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function createMigrated(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await applyMigrations({
      query: (text, params) => client.query(text, params),
      exec: (text) => client.query(text),
    });
  } finally {
    await client.end();
  }
  return url;
}

/** A new, migrated database named by the benchmark (dropped and created again on the next run). */
export async function freshDatabase(adminUrl: string, name: string) {
  const url = await createMigrated(adminUrl, name);
  return {
    url,
    drop: async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
    },
  };
}

const PG_BIN = process.env.BENCH_PG_BIN || "/usr/lib/postgresql/15/bin";

/** A PostgreSQL server of the benchmark's own, in a temporary folder, run as the postgres user on `port`. */
export async function privatePostgres(port: number, logDir: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "surge-bench-pg-"));
  chownSync(dataDir, ...postgresIds());
  const logFile = path.join(logDir, "private-postgres.log");
  const asPostgres = (binary: string, args: string[]) =>
    run("runuser", ["-u", "postgres", "--", path.join(PG_BIN, binary), ...args], { logFile, cwd: tmpdir() });
  await asPostgres("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => asPostgres("pg_ctl", ["-D", dataDir, "-w", ...args]);
  const startServer = () => pgCtl("-o", options, "-l", path.join(dataDir, "server.log"), "start");
  await startServer();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const url = await createMigrated(adminUrl, "surge_outage");
  return {
    url,
    start: startServer,
    /** Fast shutdown: open connections are cut, as when a database host goes away. */
    stop: () => pgCtl("-m", "fast", "stop"),
    destroy: async () => {
      await pgCtl("-m", "immediate", "stop").catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  // runuser needs the folder to belong to postgres; its ids come from the system's user database.
  const { uid, gid } = lookupUser("postgres");
  return [uid, gid];
}

function lookupUser(name: string): { uid: number; gid: number } {
  const passwd = readFileSync("/etc/passwd", "utf8");
  const line = passwd.split("\n").find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`no ${name} user: install PostgreSQL (Debian's postgresql package)`);
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

import { databaseBreaker } from "./breakers";
import { unavailableWhileOpen } from "./unavailable-while-open";

/** Work that needs the database; while the database is failing, it fails fast as a 503 with Retry-After. */
export function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  return unavailableWhileOpen(() => databaseBreaker.run(work));
}

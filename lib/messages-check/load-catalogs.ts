import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isPlainObject } from "./flatten-catalog";
import { WHOLE_FILE, type CatalogProblem } from "./problem";

export interface LoadedCatalogs {
  catalogs: Record<string, unknown>;
  problems: CatalogProblem[];
}

// Only `<locale>.json`: next-intl writes `en.d.json.ts` beside the catalogs for the type declarations.
const CATALOG_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/;

/** Reads every `<locale>.json` in `directory`; a file that is not a JSON object becomes a problem, not a crash. */
export async function loadCatalogs(directory: string): Promise<LoadedCatalogs> {
  const catalogs: Record<string, unknown> = {};
  const problems: CatalogProblem[] = [];
  for (const file of (await readdir(directory)).sort()) {
    const locale = CATALOG_FILE.exec(file)?.[1];
    if (!locale) continue;
    const source = await readFile(path.join(directory, file), "utf8");
    // A catalog that cannot be read stays listed (as undefined) so it is not also reported as missing.
    catalogs[locale] = undefined;
    try {
      const parsed: unknown = JSON.parse(source);
      if (isPlainObject(parsed)) catalogs[locale] = parsed;
      else
        problems.push({ locale, key: WHOLE_FILE, reason: `${file} must hold one JSON object of messages` });
    } catch (error) {
      problems.push({
        locale,
        key: WHOLE_FILE,
        reason: `${file} is not valid JSON (${(error as Error).message}); look for a missing comma or quote`,
      });
    }
  }
  return { catalogs, problems };
}

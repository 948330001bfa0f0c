import type { FlatCatalog } from "./flatten-catalog";
import type { CatalogProblem } from "./problem";

/** Keys a translation lacks or adds compared with English, and the first place its order drifts from English. */
export function compareKeys(locale: string, catalog: FlatCatalog, reference: FlatCatalog): CatalogProblem[] {
  const own = new Map(catalog);
  const english = new Map(reference);
  const problems: CatalogProblem[] = [];
  for (const [key, text] of reference) {
    if (!own.has(key)) {
      problems.push({
        locale,
        key,
        reason: "missing; add a translation of the English text",
        text: String(text),
      });
    }
  }
  for (const [key, text] of catalog) {
    if (!english.has(key)) {
      problems.push({
        locale,
        key,
        reason: "not in en; the site never shows it (a typo in the key, or en needs it first)",
        text: typeof text === "string" ? text : undefined,
      });
    }
  }
  if (problems.length === 0) problems.push(...orderDrift(locale, catalog, reference));
  return problems;
}

// Same keys in the same order in every catalog keeps translations side by side when an editor compares files.
function orderDrift(locale: string, catalog: FlatCatalog, reference: FlatCatalog): CatalogProblem[] {
  const index = catalog.findIndex(([key], position) => key !== reference[position][0]);
  if (index === -1) return [];
  const key = reference[index][0];
  const after = index === 0 ? "first" : `right after ${reference[index - 1][0]}`;
  return [{ locale, key, reason: `out of order; en lists it ${after}, keep the same order as en` }];
}

import { compareWithReference, ownShapeProblems } from "./compare-shape";
import { compareKeys } from "./compare-keys";
import { flattenCatalog } from "./flatten-catalog";
import { shapeOf, type MessageShape } from "./message-shape";
import { parseMessage } from "./parse-message";
import { WHOLE_FILE, type CatalogProblem } from "./problem";

export const REFERENCE_LOCALE = "en";

/**
 * Every problem in a set of catalogs (`{ en: {...}, fr: {...} }`), English being the reference the code is
 * written against. `locales` are the catalogs the site needs; a missing one is a problem too.
 */
export function checkCatalogs(
  catalogs: Record<string, unknown>,
  locales: readonly string[],
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const locale of locales) {
    if (!(locale in catalogs))
      problems.push({ locale, key: WHOLE_FILE, reason: `${locale}.json is missing` });
  }
  const reference = catalogs[REFERENCE_LOCALE];
  if (reference === undefined) return problems;

  const referenceFlat = flattenCatalog(reference);
  const referenceShapes = checkMessages(REFERENCE_LOCALE, referenceFlat, problems);
  for (const [locale, catalog] of Object.entries(catalogs)) {
    if (locale === REFERENCE_LOCALE || catalog === undefined) continue;
    const flat = flattenCatalog(catalog);
    problems.push(...compareKeys(locale, flat, referenceFlat));
    for (const [key, shape] of checkMessages(locale, flat, problems)) {
      const english = referenceShapes.get(key);
      if (!english) continue;
      for (const reason of compareWithReference(shape, english)) {
        problems.push({ locale, key, reason, text: textOf(flat, key) });
      }
    }
  }
  return problems;
}

/** Parses each message of one catalog, recording its problems; returns the shapes of those that parse. */
function checkMessages(
  locale: string,
  flat: ReturnType<typeof flattenCatalog>,
  problems: CatalogProblem[],
): Map<string, MessageShape> {
  const shapes = new Map<string, MessageShape>();
  for (const [key, value] of flat) {
    if (typeof value !== "string") {
      problems.push({ locale, key, reason: `must be a text in quotes, found ${JSON.stringify(value)}` });
      continue;
    }
    const parsed = parseMessage(value);
    if (!parsed.ok) {
      problems.push({ locale, key, reason: parsed.reason, text: value });
      continue;
    }
    const shape = shapeOf(parsed.elements);
    for (const reason of ownShapeProblems(shape)) problems.push({ locale, key, reason, text: value });
    shapes.set(key, shape);
  }
  return shapes;
}

function textOf(flat: ReturnType<typeof flattenCatalog>, key: string): string | undefined {
  const value = flat.find(([candidate]) => candidate === key)?.[1];
  return typeof value === "string" ? value : undefined;
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCatalogs } from "./check-catalogs";
import { loadCatalogs } from "./load-catalogs";

const LOCALES = ["en", "fr", "ar"] as const;
type Catalogs = Record<string, Record<string, Record<string, unknown>>>;

function cleanCatalogs(): Catalogs {
  const read = (locale: string) =>
    JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/clean", `${locale}.json`), "utf8"));
  return Object.fromEntries(LOCALES.map((locale) => [locale, read(locale)]));
}

// Each row breaks a clean three-locale catalog in one way and names every problem the check must report.
const cases: Array<[string, (c: Catalogs) => void, Array<[string, string, RegExp]>]> = [
  ["a key missing from a locale", (c) => delete c.fr.ErrorPage.help, [["fr", "ErrorPage.help", /^missing/]]],
  [
    "a key a locale has but en does not",
    (c) => (c.ar.Progress.goal = "الهدف"),
    [["ar", "Progress.goal", /not in en/]],
  ],
  [
    "keys in another order than en",
    (c) =>
      (c.fr.Progress = {
        donors: c.fr.Progress.donors,
        raised: c.fr.Progress.raised,
        updated: c.fr.Progress.updated,
      }),
    [["fr", "Progress.raised", /out of order; en lists it first/]],
  ],
  [
    "an unclosed brace",
    (c) => (c.fr.Progress.raised = "collectés : {amount"),
    [["fr", "Progress.raised", /never closed/]],
  ],
  [
    "a brace closed too late",
    (c) => (c.fr.Progress.raised = "{amount collectés}"),
    [["fr", "Progress.raised", /malformed or its \} is missing/]],
  ],
  [
    "a plural without other",
    (c) => (c.ar.Progress.donors = "{count, plural, zero {لا متبرعين} one {متبرع واحد}}"),
    [["ar", "Progress.donors", /no `other` option/]],
  ],
  [
    "a select without other",
    (c) => (c.fr.ErrorPage.reason = "{reason, select, declined {Refusé.}}"),
    [["fr", "ErrorPage.reason", /no `other` option/]],
  ],
  [
    "an unknown argument type",
    (c) => (c.en.Progress.raised = "{amount, money} raised"),
    [["en", "Progress.raised", /unknown placeholder type/]],
  ],
  [
    "a misspelt placeholder",
    (c) => (c.ar.Progress.raised = "تم جمع {amout}"),
    [
      ["ar", "Progress.raised", /placeholder \{amount\} is missing/],
      ["ar", "Progress.raised", /placeholder \{amout\} is not in en/],
    ],
  ],
  [
    "a placeholder of another kind than in en",
    (c) => (c.fr.ErrorPage.help = "Besoin d'aide ? <strong>Écrivez-nous</strong> sous {days} jours."),
    [["fr", "ErrorPage.help", /\{days\} is a text here but a number in en/]],
  ],
  [
    "a tag dropped from a translation",
    (c) => (c.fr.ErrorPage.help = "Besoin d'aide ? Écrivez-nous, nous répondons sous {days, number} jours."),
    [["fr", "ErrorPage.help", /tag <strong> is missing/]],
  ],
  [
    "a tag en does not have",
    (c) => (c.ar.Progress.raised = "تم جمع <em>{amount}</em>"),
    [["ar", "Progress.raised", /tag <em> is not in en/]],
  ],
  [
    "a tag the site does not render",
    (c) => (c.en.ErrorPage.help = "Need help? <a>Write to us</a> within {days, number} days."),
    [
      ["en", "ErrorPage.help", /does not render the tag <a>/],
      ["fr", "ErrorPage.help", /tag <a> is missing/],
      ["fr", "ErrorPage.help", /tag <strong> is not in en/],
      ["ar", "ErrorPage.help", /tag <a> is missing/],
      ["ar", "ErrorPage.help", /tag <strong> is not in en/],
    ],
  ],
  [
    "a tag that is never closed",
    (c) => (c.fr.ErrorPage.help = "<strong>Écrivez-nous, sous {days, number} jours."),
    [["fr", "ErrorPage.help", /tag is never closed/]],
  ],
  [
    "a plural option no language has",
    (c) => (c.fr.Progress.donors = "{count, plural, onee {# donateur} other {# donateurs}}"),
    [["fr", "Progress.donors", /"onee" is not one of/]],
  ],
  [
    "a value that is not a text",
    (c) => (c.fr.Progress.raised = ["collectés"]),
    [["fr", "Progress.raised", /must be a text/]],
  ],
  ["a locale without a catalog", (c) => delete c.ar, [["ar", "(file)", /ar\.json is missing/]]],
];

describe("checkCatalogs", () => {
  it("finds nothing wrong in a clean catalog whose Arabic plural has more options than en", () => {
    expect(checkCatalogs(cleanCatalogs(), LOCALES)).toEqual([]);
  });

  it.each(cases)("reports %s", (_, breakIt, expected) => {
    const catalogs = cleanCatalogs();
    breakIt(catalogs);
    const problems = checkCatalogs(catalogs, LOCALES);
    expect(problems.map(({ locale, key }) => [locale, key])).toEqual(
      expected.map(([locale, key]) => [locale, key]),
    );
    problems.forEach((problem, index) => expect(problem.reason).toMatch(expected[index][2]));
  });

  it("quotes the offending text", () => {
    const catalogs = cleanCatalogs();
    catalogs.fr.Progress.raised = "{amount collectés";
    expect(checkCatalogs(catalogs, LOCALES)).toEqual([
      expect.objectContaining({ text: "{amount collectés" }),
    ]);
  });

  it("finds nothing wrong in the site's own catalogs", async () => {
    const { catalogs, problems } = await loadCatalogs(path.resolve(import.meta.dirname, "../../messages"));
    expect([...problems, ...checkCatalogs(catalogs, LOCALES)]).toEqual([]);
  });
});

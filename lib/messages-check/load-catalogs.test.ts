import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogs } from "./load-catalogs";

async function catalogDirectory(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "catalogs-"));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(directory, name), content);
  return directory;
}

describe("loadCatalogs", () => {
  it("reads each <locale>.json and skips the type declaration next-intl writes beside them", async () => {
    const directory = await catalogDirectory({
      "en.json": '{"A":{"b":"B"}}',
      "fr.json": '{"A":{"b":"Bé"}}',
      "en.d.json.ts": "declare const messages: {};",
    });
    expect(await loadCatalogs(directory)).toEqual({
      catalogs: { en: { A: { b: "B" } }, fr: { A: { b: "Bé" } } },
      problems: [],
    });
  });

  it.each([
    ["a missing comma", '{"A":{"b":"B" "c":"C"}}', /fr\.json is not valid JSON .*missing comma or quote/],
    ["a list instead of an object", '["B"]', /fr\.json must hold one JSON object/],
  ])("reports %s as a problem of the whole file", async (_, content, reason) => {
    const { catalogs, problems } = await loadCatalogs(await catalogDirectory({ "fr.json": content }));
    expect(catalogs).toEqual({ fr: undefined });
    expect(problems).toEqual([{ locale: "fr", key: "(file)", reason: expect.stringMatching(reason) }]);
  });
});

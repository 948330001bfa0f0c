// npm run messages:check [directory] – checks messages/ (or the given directory) before the build compiles it.
import path from "node:path";
import { routing } from "@/i18n/routing";
import { checkCatalogs } from "@/lib/messages-check/check-catalogs";
import { loadCatalogs } from "@/lib/messages-check/load-catalogs";
import { formatProblem } from "@/lib/messages-check/problem";

const directory = path.resolve(process.argv[2] ?? "messages");
const { catalogs, problems } = await loadCatalogs(directory);
problems.push(...checkCatalogs(catalogs, routing.locales));

const where = path.relative(process.cwd(), directory) || ".";
if (problems.length === 0) {
  console.log(`messages:check: ${Object.keys(catalogs).join(", ")} in ${where}/ are complete and valid`);
} else {
  console.error(`messages:check found ${problems.length} problem(s) in ${where}/:\n`);
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(
    '\nFix the texts above (see README, "For content editors") and run npm run messages:check again.',
  );
  process.exit(1);
}

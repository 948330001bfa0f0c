import { describe, measureTogether, ratio, type Section } from "../context";
import { load } from "../load";
import { prerenderedBytes } from "../servers";

// Prerendered pages from `next start` against the bare app's page of the same size, and nginx as the ceiling.
const PAGES = ["/en", "/fr/donate", "/ar", "/en/about"];

export const pages: Section = {
  name: "pages",
  async run(context) {
    const { surge, bare, nginx } = context;
    const [bareResult, ...results] = await measureTogether(context, [
      { label: "bare page", url: `${bare.url}/`, pid: bare.pid },
      ...PAGES.map((page) => ({ label: page, url: `${surge.url}${page}`, pid: surge.pid })),
    ]);
    context.log(`bare page: ${describe(bareResult)}`);
    const rows = [{ what: "bare Next.js page", target: "", measured: describe(bareResult) }];
    if (nginx) {
      const { connections, seconds } = context.options;
      const nginxResult = await load({ url: `${nginx.url}/en`, connections, duration: Math.min(seconds, 5) });
      rows.push({ what: "nginx, Surge's /en bytes", target: "", measured: describe(nginxResult) });
    }
    PAGES.forEach((page, index) => {
      const result = results[index];
      context.log(`${page}: ${describe(result)}`);
      rows.push({
        what: `${page} (${Math.round(prerenderedBytes(page.slice(1)) / 1024)} KB)`,
        target: "≥ 0.9 × bare page",
        measured: describe(result),
        ratio: ratio(result, bareResult),
        met: result.rps >= 0.9 * bareResult.rps && result.failures === 0,
      } as (typeof rows)[number]);
    });
    return rows;
  },
};

// npm run measure:page-weight [base URL] – bytes a visitor downloads for the home page in each locale: the HTML
// and every script it loads, raw and gzipped. Run it against a production server (npm run local, or next start).
import { gzipSync } from "node:zlib";
import { routing } from "@/i18n/routing";

const baseUrl = process.argv[2] ?? "http://localhost:3000";

interface Weight {
  raw: number;
  gzip: number;
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

function weigh(...bodies: Buffer[]): Weight {
  return bodies.reduce(
    (sum, body) => ({ raw: sum.raw + body.length, gzip: sum.gzip + gzipSync(body).length }),
    {
      raw: 0,
      gzip: 0,
    },
  );
}

// Scripts the page runs: its <script src> tags and the chunks it preloads for them.
function scriptUrls(html: string): string[] {
  const sources = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*as="script"[^>]*>/g),
  ]
    .map((match) => match[1] ?? /href="([^"]+)"/.exec(match[0])?.[1])
    .filter((source): source is string => Boolean(source));
  return [...new Set(sources)].map((source) => new URL(source.replaceAll("&amp;", "&"), baseUrl).toString());
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log("| page | HTML raw | HTML gzip | JS files | JS raw | JS gzip |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const locale of routing.locales) {
  const html = await download(new URL(`/${locale}`, baseUrl).toString());
  const scripts = await Promise.all(scriptUrls(html.toString("utf8")).map(download));
  const page = weigh(html);
  const js = weigh(...scripts);
  console.log(
    `| /${locale} | ${kb(page.raw)} | ${kb(page.gzip)} | ${scripts.length} | ${kb(js.raw)} | ${kb(js.gzip)} |`,
  );
}

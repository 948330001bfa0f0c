import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Reads the V8 CPU profiles `node --cpu-prof` wrote for Surge's server and records the top of them in
// docs/profile.md: where the server's own time went, by function and by package.

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

function owner(url: string): string {
  if (!url) return "(V8 / native)";
  if (url.startsWith("node:")) return "Node.js internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes("/.next/")) return "Surge (built code and the Next.js runtime bundled in it)";
  return "other";
}

export function summarizeProfiles(dir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith(".cpuprofile"));
  } catch {
    return ["No CPU profile was written."];
  }
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let totalSamples = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (!hits) continue;
      totalSamples += hits;
      const { functionName, url, lineNumber } = node.callFrame;
      const name = `${functionName || "(anonymous)"} ${url ? `${url.replace(/^.*node_modules\//, "")}:${lineNumber + 1}` : ""}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
      byOwner.set(owner(url), (byOwner.get(owner(url)) ?? 0) + hits);
    }
  }
  const share = (hits: number) => `${((100 * hits) / totalSamples).toFixed(1)} %`;
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  const body = `# Where Surge's server spends its time

Written by \`npm run bench -- --profile\` from the V8 CPU profile (\`node --cpu-prof\`) of \`next start\` over the
whole benchmark: self time, ${totalSamples} samples in ${files.length} profile(s).

## By package

| package | self time |
| --- | --- |
${top(byOwner, 15)
  .map(([name, hits]) => `| ${name} | ${share(hits)} |`)
  .join("\n")}

## Top functions

| function | self time |
| --- | --- |
${top(byFunction, 30)
  .map(([name, hits]) => `| \`${name.replace(/\|/g, "\\|")}\` | ${share(hits)} |`)
  .join("\n")}
`;
  writeFileSync(path.resolve("docs/profile.md"), body);
  return [`CPU profile of Surge's server summarized in docs/profile.md (${totalSamples} samples).`];
}

import type { Second } from "./recorder";

// The run as a picture for a slide: throughput above, latency below, over the seconds of the run.

const WIDTH = 960;
const HEIGHT = 560;
const LEFT = 70;
const RIGHT = 24;
const PANEL = 180;
const TOPS = [84, 340];
const COLORS = { total: "#2563eb", donors: "#16a34a", p50: "#0891b2", p95: "#f59e0b", p99: "#dc2626" };

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * step).find((m) => m >= value) ?? value;
}

function panel(
  top: number,
  title: string,
  unit: string,
  seconds: Second[],
  lines: Array<{ label: string; color: string; value: (s: Second) => number; area?: boolean }>,
): string {
  const maxY = niceMax(Math.max(1, ...seconds.flatMap((s) => lines.map((line) => line.value(s)))));
  const span = Math.max(1, seconds.length - 1);
  const x = (i: number) => LEFT + ((WIDTH - LEFT - RIGHT) * i) / span;
  const y = (v: number) => top + PANEL - (PANEL * v) / maxY;
  const parts = [`<text x="${LEFT}" y="${top - 14}" class="panel">${escape(title)}</text>`];
  for (let tick = 0; tick <= 4; tick++) {
    const v = (maxY * tick) / 4;
    parts.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`,
      `<text x="${LEFT - 8}" y="${y(v) + 4}" class="tick" text-anchor="end">${Math.round(v).toLocaleString("en")}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(seconds.length / 12 / 5) * 5);
  for (let i = 0; i < seconds.length; i += every)
    parts.push(`<text x="${x(i)}" y="${top + PANEL + 18}" class="tick" text-anchor="middle">${i} s</text>`);
  parts.push(
    `<text transform="translate(18 ${top + PANEL / 2}) rotate(-90)" class="axis" text-anchor="middle">${unit}</text>`,
  );
  for (const line of lines) {
    const points = seconds.map((s, i) => `${x(i).toFixed(1)},${y(line.value(s)).toFixed(1)}`).join(" ");
    if (line.area)
      parts.push(
        `<polygon points="${LEFT},${top + PANEL} ${points} ${x(seconds.length - 1)},${top + PANEL}" fill="${line.color}" opacity="0.12"/>`,
      );
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${line.color}" stroke-width="2" stroke-linejoin="round"/>`,
    );
  }
  lines.forEach((line, index) => {
    const lx = WIDTH - RIGHT - (lines.length - index) * 130;
    parts.push(
      `<rect x="${lx}" y="${top - 24}" width="14" height="4" fill="${line.color}"/>`,
      `<text x="${lx + 20}" y="${top - 18}" class="legend">${escape(line.label)}</text>`,
    );
  });
  parts.push(`<line x1="${LEFT}" x2="${LEFT}" y1="${top}" y2="${top + PANEL}" class="axisline"/>`);
  parts.push(
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${top + PANEL}" y2="${top + PANEL}" class="axisline"/>`,
  );
  return parts.join("\n  ");
}

export function chartSvg(seconds: Second[], subtitle: string): string {
  // The last second is partial (the run stopped inside it) and would draw a false drop.
  const shown = seconds.length > 2 ? seconds.slice(0, -1) : seconds;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">
  <style>
    .title { font-size: 20px; font-weight: 700; fill: #111827 }
    .subtitle { font-size: 12px; fill: #6b7280 }
    .panel { font-size: 14px; font-weight: 600; fill: #1f2937 }
    .tick { font-size: 11px; fill: #6b7280 }
    .axis { font-size: 12px; fill: #374151 }
    .legend { font-size: 12px; fill: #374151 }
    .grid { stroke: #e5e7eb; stroke-width: 1 }
    .axisline { stroke: #9ca3af; stroke-width: 1 }
  </style>
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="${LEFT}" y="30" class="title">Surge launch-night load test</text>
  <text x="${LEFT}" y="50" class="subtitle">${escape(subtitle)}</text>
  ${panel(TOPS[0], "Throughput", "requests per second", shown, [
    { label: "all requests", color: COLORS.total, value: (s) => s.requests, area: true },
    { label: "donor requests", color: COLORS.donors, value: (s) => s.donorRequests },
  ])}
  ${panel(TOPS[1], "Latency", "milliseconds", shown, [
    { label: "p50", color: COLORS.p50, value: (s) => s.p50 },
    { label: "p95", color: COLORS.p95, value: (s) => s.p95 },
    { label: "p99", color: COLORS.p99, value: (s) => s.p99 },
  ])}
  <text x="${WIDTH / 2}" y="${HEIGHT - 6}" class="axis" text-anchor="middle">time since the start of the run</text>
</svg>
`;
}

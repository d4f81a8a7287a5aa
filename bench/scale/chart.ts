/**
 * Renders bench/results/scale.json as an SVG chart (docs/scale.svg): wall time and peak RSS against records,
 * idweave beside the DuckDB baseline. Plain SVG, no dependency. Wall time is each tool's process wall, the median
 * of its runs (`runScale --runs`), as the side-by-side table in docs/benchmarks.md gives it; `--in` takes several
 * files, comma-separated (a campaign's small sizes and its 20M run).
 *
 *   npx tsx bench/scale/chart.ts [--in bench/results/scale.json[,more.json]] [--out docs/scale.svg] [--title T]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { in: { type: 'string', default: 'bench/results/scale.json' }, out: { type: 'string', default: 'docs/scale.svg' }, title: { type: 'string', default: '' } },
});

interface Point {
  x: number;
  y: number;
}
interface Series {
  name: string;
  color: string;
  points: Point[];
}

const results = values.in.split(',').flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { results: any[] }).results);

/** A tool's process wall, the median of its runs; its own reported seconds for results without runs. */
function wall(tool: { seconds: number; processWallSeconds?: number[] }): number {
  const runs = [...(tool.processWallSeconds ?? [])].sort((a, b) => a - b);
  return runs.length === 0 ? tool.seconds : runs[(runs.length - 1) >> 1]!;
}
const W = 420;
const H = 300;
const M = { left: 60, right: 20, top: 40, bottom: 50 };

function panel(title: string, yLabel: string, series: Series[], offsetX: number): string {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return '';
  const xMax = Math.max(...all.map((p) => p.x));
  const yMax = Math.max(...all.map((p) => p.y)) * 1.1 || 1;
  const sx = (x: number) => offsetX + M.left + (x / xMax) * (W - M.left - M.right);
  const sy = (y: number) => M.top + (1 - y / yMax) * (H - M.top - M.bottom);
  const parts: string[] = [];
  parts.push(`<text x="${offsetX + W / 2}" y="20" text-anchor="middle" font-weight="bold">${title}</text>`);
  parts.push(`<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(xMax)}" y2="${sy(0)}" stroke="#333"/>`);
  parts.push(`<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(0)}" y2="${sy(yMax)}" stroke="#333"/>`);
  for (let i = 0; i <= 4; i++) {
    const y = (yMax / 4) * i;
    parts.push(`<text x="${sx(0) - 6}" y="${sy(y) + 4}" text-anchor="end" font-size="11">${y.toFixed(y < 10 ? 1 : 0)}</text>`);
    parts.push(`<line x1="${sx(0)}" y1="${sy(y)}" x2="${sx(xMax)}" y2="${sy(y)}" stroke="#eee"/>`);
  }
  for (const x of [...new Set(all.map((p) => p.x))]) {
    parts.push(`<text x="${sx(x)}" y="${sy(0) + 16}" text-anchor="middle" font-size="11">${x >= 1e6 ? `${x / 1e6}M` : `${x / 1e3}k`}</text>`);
  }
  parts.push(`<text x="${offsetX + W / 2}" y="${H - 10}" text-anchor="middle" font-size="12">records</text>`);
  parts.push(`<text x="${offsetX + 14}" y="${H / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${offsetX + 14} ${H / 2})">${yLabel}</text>`);
  series.forEach((s, i) => {
    const pts = s.points.sort((a, b) => a.x - b.x);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}"/>`);
    for (const p of pts) parts.push(`<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="3" fill="${s.color}"/>`);
    parts.push(`<text x="${offsetX + M.left + 10}" y="${M.top + 14 + i * 16}" fill="${s.color}" font-size="12">${s.name}</text>`);
  });
  return parts.join('\n');
}

const time: Series[] = [
  { name: 'idweave', color: '#1f77b4', points: results.filter((r) => r.idweave).map((r) => ({ x: r.records, y: wall(r.idweave) })) },
  { name: 'DuckDB SQL baseline', color: '#d62728', points: results.filter((r) => r.duckdb).map((r) => ({ x: r.records, y: wall(r.duckdb) })) },
];
const rss: Series[] = [
  { name: 'idweave', color: '#1f77b4', points: results.filter((r) => r.idweave).map((r) => ({ x: r.records, y: (r.idweave.peakRssBytes ?? 0) / 2 ** 30 })) },
  { name: 'DuckDB SQL baseline', color: '#d62728', points: results.filter((r) => r.duckdb?.peakRssBytes).map((r) => ({ x: r.records, y: r.duckdb.peakRssBytes / 2 ** 30 })) },
];

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
${panel(`Wall time (s, median of runs)${values.title ? ` ${values.title}` : ''}`, 'seconds', time, 0)}
${panel('Peak RSS (GiB)', 'GiB', rss, W)}
</svg>
`;
writeFileSync(values.out, svg);
console.log(`wrote ${values.out}`);

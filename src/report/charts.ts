import { clip, esc, fmt } from './html.js';

/**
 * The charts of report.html: horizontal bar charts as inline SVG, from our own ~150 lines. No chart library: the
 * page is a few bar charts and a matrix, and a dependency (its size inlined into every page, its updates, its
 * way of escaping labels) has to earn its place; these do not need one. Labels go through `esc`; a chart is
 * sized by its rows alone, so it stays small whatever the data.
 */

/** One bar: a label, a value, and how to print the value. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Printed after the bar (default: the value). */
  readonly note?: string;
  /** CSS class of the bar (`bar-ok`, `bar-bad`, …; default `bar`). */
  readonly tone?: string;
}

export interface BarChartOptions {
  /** Accessible name of the chart. */
  readonly title: string;
  /** Log scale (each power of ten an equal step; a value of 1 gets one step), with a tick per power of ten. */
  readonly log?: boolean;
  /** Scale maximum (default: the largest value); 1 for ratios. */
  readonly max?: number;
}

const WIDTH = 940;
const LABEL = 250;
const BAR_AREA = 380;
const ROW = 22;
const TOP = 20;
const LABEL_CHARS = 38;

/** A horizontal bar chart. Empty `bars` gives an empty string (the caller says "nothing to show"). */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  if (bars.length === 0) return '';
  const max = options.max ?? Math.max(0, ...bars.map((b) => b.value));
  const scale = options.log ? logScale(max) : (v: number) => (max > 0 ? Math.max(0, v) / max : 0);
  const height = TOP + bars.length * ROW + 6;
  let svg = `<svg class="chart" role="img" aria-label="${esc(options.title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`;
  svg += ticks(options, max, height);
  bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const w = b.value > 0 ? Math.max(1, scale(b.value) * BAR_AREA) : 0;
    const label = esc(clip(b.label, LABEL_CHARS));
    const note = esc(b.note ?? fmt(b.value));
    svg += `<g><title>${esc(clip(b.label, 300))}: ${note}</title>`;
    svg += `<text class="label" x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${label}</text>`;
    svg += `<rect class="${esc(b.tone ?? 'bar')}" x="${LABEL}" y="${y + 3}" width="${round(w)}" height="${ROW - 6}" rx="2"/>`;
    svg += `<text class="value" x="${round(LABEL + w + 6)}" y="${y + 15}">${note}</text></g>`;
  });
  return `${svg}</svg>`;
}

/** One row of a 100% stacked bar: the shares of its parts. */
export interface StackRow {
  readonly label: string;
  readonly parts: readonly { readonly name: string; readonly value: number; readonly tone: string }[];
}

/** Rows of 100% stacked bars (each row's parts as shares of the row's total), with a legend on top. */
export function stackedShares(rows: readonly StackRow[], title: string): string {
  if (rows.length === 0) return '';
  const height = TOP + rows.length * ROW + 6;
  let svg = `<svg class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`;
  // Legend: the parts of the first row name them all (every row has the same parts).
  let x = LABEL;
  for (const part of rows[0]!.parts) {
    svg += `<rect class="${esc(part.tone)}" x="${x}" y="4" width="10" height="10" rx="2"/><text class="legend" x="${x + 14}" y="13">${esc(part.name)}</text>`;
    x += 24 + part.name.length * 7;
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const total = row.parts.reduce((a, p) => a + p.value, 0);
    svg += `<text class="label" x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${esc(clip(row.label, LABEL_CHARS))}</text>`;
    let at = LABEL;
    for (const part of row.parts) {
      if (part.value <= 0 || total === 0) continue;
      const w = (part.value / total) * BAR_AREA;
      svg += `<rect class="${esc(part.tone)}" x="${round(at)}" y="${y + 3}" width="${round(Math.max(1, w))}" height="${ROW - 6}"><title>${esc(clip(row.label, 300))} ${esc(part.name)}: ${fmt(part.value)} (${((part.value / total) * 100).toFixed(1)}%)</title></rect>`;
      at += w;
    }
    svg += `<text class="value" x="${LABEL + BAR_AREA + 6}" y="${y + 15}">${fmt(total)}</text>`;
  });
  return `${svg}</svg>`;
}

/** Log scale to [0, 1]: 1 → one step, max → 1, 0 → 0. */
function logScale(max: number): (v: number) => number {
  const steps = Math.log10(Math.max(1, max)) + 1;
  return (v) => (v >= 1 ? (Math.log10(v) + 1) / steps : v > 0 ? v / steps : 0);
}

/** Grid lines with labels on top: powers of ten (log), or quarters of the maximum. */
function ticks(options: BarChartOptions, max: number, height: number): string {
  const at: { x: number; text: string }[] = [];
  if (options.log) {
    const scale = logScale(max);
    const decades = Math.floor(Math.log10(Math.max(1, max)));
    // At most ~8 labelled ticks: skip decades on very wide ranges.
    const every = Math.max(1, Math.ceil((decades + 1) / 8));
    for (let k = 0; k <= decades; k += every) at.push({ x: scale(10 ** k), text: short(10 ** k) });
  } else if (max > 0) {
    // Round steps (1, 2 or 5 times a power of ten), about four of them.
    const raw = max / 4;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
    for (let i = 0; i * step <= max * (1 + 1e-9); i++) at.push({ x: (i * step) / max, text: short(i * step) });
  }
  return at
    .map((t) => {
      const x = round(LABEL + t.x * BAR_AREA);
      return `<line class="grid" x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${height - 4}"/><text class="tick" x="${x}" y="${TOP - 8}" text-anchor="middle">${t.text}</text>`;
    })
    .join('');
}

/** 1, 10, 100, 1k, 10k, 1M, … (tick labels). */
function short(n: number): string {
  if (n >= 1e9) return `${trim(n / 1e9)}G`;
  if (n >= 1e6) return `${trim(n / 1e6)}M`;
  if (n >= 1e3) return `${trim(n / 1e3)}k`;
  return trim(n);
}

function trim(n: number): string {
  return String(Number(n.toFixed(n < 1 ? 2 : n < 10 ? 1 : 0)));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

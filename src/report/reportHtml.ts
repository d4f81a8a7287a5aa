import { createHash } from 'node:crypto';
import type { EvidenceMode } from '../io/evidenceMode.js';
import type { ResolveFilesReport } from '../batch/resolveFiles.js';
import type { IdentifierKind } from '../types.js';
import { barChart, stackedShares, type Bar, type StackRow } from './charts.js';
import { bytes, clip, esc, fmt, pct, shellWord } from './html.js';

/**
 * report.html: the run's report.json as one self-contained page (pure: the report in, the HTML out; no I/O).
 * Everything is inline — CSS, a few lines of script for the copy buttons, SVG charts drawn by `charts.ts` —
 * and a Content-Security-Policy allows nothing else, so the page makes no request when it is viewed.
 *
 * Built from aggregates only: every list is capped (50 profiles, 100 generic identifiers, 25 sources …) and
 * every string clipped, so a 20M-row run's page is the size of a 2k-row run's (tens of kB), and data
 * cannot make it large. Every string from the data is escaped (`esc`).
 */

/** What the page shows besides the report. */
export interface ReportPageContext {
  /** The output directory as the user gave it: the `idweave explain` commands name it. */
  readonly outDir: string;
  /** ISO time the run finished. */
  readonly generatedAt: string;
  readonly version: string;
  /**
   * The run wrote what `idweave explain` reads (`explain.idx`, profiles.ndjson): the largest profiles get explain
   * commands. False for `--output-format parquet` runs and runs without evidence. @default true
   */
  readonly explainable?: boolean;
  /** What `evidence.ndjson` kept (`--evidence`): the page says what `idweave explain` can tell from it. @default 'all' */
  readonly evidence?: EvidenceMode;
}

/** Section ids and headings, in page order (the browser test checks each one). */
export const REPORT_SECTIONS = [
  ['summary', 'Summary'],
  ['accuracy', 'Accuracy'],
  ['cluster-sizes', 'Cluster sizes'],
  ['largest-profiles', 'Largest profiles'],
  ['identifiers', 'Identifiers per kind'],
  ['generic-identifiers', 'Generic identifiers'],
  ['links', 'Links accepted and refused'],
  ['source-overlap', 'Source overlap'],
  ['profiles-by-sources', 'Profiles by number of sources'],
  ['rejects', 'Rejects by reason'],
  ['performance', 'Stage timings and memory'],
] as const;

type SectionId = (typeof REPORT_SECTIONS)[number][0];

/** Rows shown of lists that can be long (report.json has more). */
const GENERIC_SHOWN = 100;
const INPUTS_SHOWN = 100;
const WARNINGS_SHOWN = 100;
const SOURCE_COUNTS_SHOWN = 20;
/** Characters shown of one string from the data (a table cell). */
const CELL = 120;

const KINDS: readonly IdentifierKind[] = ['externalId', 'login', 'handle', 'email', 'phone'];
const KIND_LABEL: Readonly<Record<IdentifierKind, string>> = { externalId: 'external id', login: 'login', handle: 'social handle', email: 'email', phone: 'phone' };

const REJECT_LABEL: Readonly<Record<string, string>> = {
  missing_id: 'missing id',
  invalid_id: 'invalid id',
  duplicate_id: 'duplicate id',
  invalid_type: 'wrong type',
  unknown_field: 'unknown field',
  too_many_values: 'too many values',
  too_long: 'value too long',
  too_deep: 'nested too deep',
  unreadable_row: 'unreadable row',
};

const GUARD_LABEL: Readonly<Record<string, string>> = {
  junk: 'junk value',
  generic: 'generic identifier',
  exclusive: 'exclusive id conflict',
  shareable: 'match weight too low',
  maxClusterSize: 'cluster size limit',
  fuzzy: 'weak key, weight too low',
  override: 'steward override',
};

const STYLE = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee8;--bg:#fff;--panel:#f5f7fb;--accent:#2f6fdb;--ok:#2e9d62;--bad:#d9534f;--warn:#e39b2d;--grey:#9aa3b2}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1120px;margin:0 auto;padding:0 24px}
header{padding-top:20px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:0 0 10px;padding-top:8px}
.meta,.note,footer{color:var(--muted)}
.note{margin:6px 0}
nav{margin:12px 0 4px;display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13px}
nav a{color:var(--accent);text-decoration:none}
section{border-top:1px solid var(--line);padding:14px 0 18px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0 12px}
.card{background:var(--panel);border-radius:8px;padding:10px 16px;min-width:150px}
.card .v{font-size:24px;font-weight:600}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
table{border-collapse:collapse;margin:6px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
th{font-weight:600;background:var(--panel)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
code.cmd{user-select:all;background:var(--panel);padding:2px 6px;border-radius:4px}
code.id{white-space:nowrap}
button.copy{font-size:11px;margin-left:6px;padding:1px 6px;cursor:pointer}
ul.warnings li{color:#8a4b00}
.chart{display:block;max-width:100%;height:auto;margin:6px 0}
.chart text{font-size:12px;fill:var(--fg)}
.chart .tick,.chart .legend{fill:var(--muted);font-size:11px}
.chart .grid{stroke:var(--line);stroke-width:1}
.bar{fill:var(--accent)}.bar-ok{fill:var(--ok)}.bar-bad{fill:var(--bad)}.bar-warn{fill:var(--warn)}.bar-grey{fill:var(--grey)}
.matrix td,.matrix th{text-align:right;font-variant-numeric:tabular-nums;padding:3px 7px;font-size:12px}
.matrix th.row{text-align:left}
.matrix th.col{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;max-height:160px;white-space:nowrap;overflow:hidden}
.matrix td.diag{font-weight:600;outline:1px solid var(--grey)}
.h0{background:#fff}.h1{background:#eef3fd}.h2{background:#dce7fb}.h3{background:#c5d7f8}.h4{background:#a9c3f3}.h5{background:#8aadee}.h6{background:#6b96e8;color:#fff}.h7{background:#4d80e2;color:#fff}.h8{background:#2f6fdb;color:#fff}
`;

// The copy buttons of the explain commands (the command text is also selectable with one click, without script).
const SCRIPT = `document.addEventListener('click',function(e){var b=e.target&&e.target.closest?e.target.closest('button.copy'):null;if(!b)return;var t=b.getAttribute('data-cmd')||'';var done=function(m){b.textContent=m;setTimeout(function(){b.textContent='copy';},1500);};var pick=function(){var c=b.previousElementSibling;if(c){var r=document.createRange();r.selectNodeContents(c);var s=window.getSelection();s.removeAllRanges();s.addRange(r);}done('Ctrl+C');};if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(t).then(function(){done('copied');},pick);}else{pick();}});`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');
// Nothing but this page's own style and script may run or load: no network at view time, even for injected markup.
const CSP = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;

/** The page of a run's report. */
export function reportHtml(report: ResolveFilesReport, context: ReportPageContext): string {
  const sections: Record<SectionId, string> = {
    summary: summary(report),
    accuracy: accuracy(report),
    'cluster-sizes': clusterSizes(report),
    'largest-profiles': largestProfiles(report, context),
    identifiers: identifiers(report),
    'generic-identifiers': genericIdentifiers(report),
    links: links(report),
    'source-overlap': sourceOverlap(report),
    'profiles-by-sources': profilesBySources(report),
    rejects: rejects(report),
    performance: performance(report),
  };
  const title = `idweave report: ${fmt(report.recordsIn)} records, ${fmt(report.profiles)} profiles`;
  let body = '';
  for (const [id, heading] of REPORT_SECTIONS) body += `<section id="${id}"><h2>${heading}</h2>${sections[id]}</section>\n`;
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="idweave ${esc(context.version)}">\n` +
    `<link rel="icon" href="data:,">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>idweave report</h1><p class="meta">Run of ${esc(context.generatedAt)} · idweave ${esc(context.version)} · output directory <code>${esc(clip(context.outDir, 300))}</code></p>` +
    `<nav>${REPORT_SECTIONS.map(([id, heading]) => `<a href="#${id}">${heading}</a>`).join('')}</nav></header>\n` +
    `<main>\n${body}</main>\n` +
    `<footer><p>Made by idweave from report.json (the same numbers, and longer lists). This page is self-contained: it loads nothing.</p></footer>\n` +
    `<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}

function card(label: string, value: string, sub?: string): string {
  return `<div class="card"><div class="k">${esc(label)}</div><div class="v">${esc(value)}</div>${sub ? `<div class="note">${esc(sub)}</div>` : ''}</div>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = [], cls = ''): string {
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="n"' : ''}>${h}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

const none = (text: string): string => `<p class="note">${esc(text)}</p>`;

function summary(r: ResolveFilesReport): string {
  let html = '<div class="cards">';
  html += card('Records in', fmt(r.recordsIn));
  html += card('Accepted', fmt(r.accepted), pct(r.accepted, r.recordsIn));
  html += card('Rejected', fmt(r.rejected), pct(r.rejected, r.recordsIn));
  html += card('Profiles', fmt(r.profiles));
  html += card('Reduction', `${(r.reductionRatio * 100).toFixed(1)}%`, 'records that were duplicates');
  html += '</div>';
  const inputs = r.inputs.slice(0, INPUTS_SHOWN).map((i) => [`<code>${esc(clip(i.file, CELL))}</code>`, fmt(i.rows), fmt(i.rejected), fmt(i.multiLineRows)]);
  html += table(['input', 'rows', 'rejected', 'multi-line rows'], inputs, [1, 2, 3]);
  if (r.inputs.length > INPUTS_SHOWN) html += none(`… and ${fmt(r.inputs.length - INPUTS_SHOWN)} more inputs (report.json lists them all).`);
  if (r.warnings.length > 0) {
    html += `<p><strong>${fmt(r.warnings.length)} warning${r.warnings.length === 1 ? '' : 's'}:</strong></p><ul class="warnings">`;
    html += r.warnings.slice(0, WARNINGS_SHOWN).map((w) => `<li>${esc(clip(w, 500))}</li>`).join('');
    html += '</ul>';
  }
  return html;
}

function accuracy(r: ResolveFilesReport): string {
  const a = r.accuracy;
  if (a === undefined) return none('No truth given. Run with --truth FILE (a CSV of record_id,person_id) to score the run: pairwise and B-cubed precision, recall and F1.');
  const f = (x: number): string => x.toFixed(4);
  let html = `<p class="note">Against <code>${esc(clip(a.truth, 300))}</code>: ${fmt(a.records)} records of ${fmt(a.persons)} persons, put in ${fmt(a.profiles)} profiles.</p>`;
  html += table(
    ['', 'precision', 'recall', 'F1'],
    [
      ['pairwise', f(a.pairwise.precision), f(a.pairwise.recall), f(a.pairwise.f1)],
      ['B-cubed', f(a.bcubed.precision), f(a.bcubed.recall), f(a.bcubed.f1)],
    ],
    [1, 2, 3],
  );
  const bars: Bar[] = [
    { label: 'pairwise precision', value: a.pairwise.precision, note: f(a.pairwise.precision), tone: 'bar-ok' },
    { label: 'pairwise recall', value: a.pairwise.recall, note: f(a.pairwise.recall) },
    { label: 'pairwise F1', value: a.pairwise.f1, note: f(a.pairwise.f1), tone: 'bar-grey' },
    { label: 'B-cubed precision', value: a.bcubed.precision, note: f(a.bcubed.precision), tone: 'bar-ok' },
    { label: 'B-cubed recall', value: a.bcubed.recall, note: f(a.bcubed.recall) },
    { label: 'B-cubed F1', value: a.bcubed.f1, note: f(a.bcubed.f1), tone: 'bar-grey' },
  ];
  html += barChart(bars, { title: 'Accuracy against the truth', max: 1 });
  html += `<p class="note">Pairwise: of the record pairs put together, the share that are one person (precision), and of the pairs that are one person, the share put together (recall): ${fmt(a.pairwise.truePositives)} right pairs of ${fmt(a.pairwise.predictedPairs)} made and ${fmt(a.pairwise.truePairs)} true. B-cubed: the same per record, averaged. ${fmt(a.missingFromRun)} truth records were not accepted by the run (scored as singletons); ${fmt(a.notInTruth)} accepted records are not in the truth (not scored).${a.duplicateInTruth > 0 ? ` ${fmt(a.duplicateInTruth)} record ids repeated in the truth (first kept).` : ''}</p>`;
  return html;
}

/** Histogram buckets in size order (`"1"`…`"10"`, `"11-16"`, `"17-32"`, …). */
function bucketOrder(key: string): number {
  return Number.parseInt(key, 10);
}

function clusterSizes(r: ResolveFilesReport): string {
  const keys = Object.keys(r.clusterSizeHistogram).sort((a, b) => bucketOrder(a) - bucketOrder(b));
  if (keys.length === 0) return none('No profiles.');
  const bars = keys.map((k) => {
    const n = r.clusterSizeHistogram[k]!;
    return { label: `${k} record${k === '1' ? '' : 's'}`, value: n, note: `${fmt(n)} (${pct(n, r.profiles)})` };
  });
  return `<p class="note">Profiles by number of records, log scale: a long tail of large profiles is where over-merging hides (see the largest profiles below).</p>${barChart(bars, { title: 'Profiles by cluster size (log scale)', log: true })}`;
}

function largestProfiles(r: ResolveFilesReport, context: ReportPageContext): string {
  if (r.largestProfiles.length === 0) return none('No profiles.');
  const out = shellWord(context.outDir);
  const explainable = context.explainable !== false;
  const rows = r.largestProfiles.map((p, i) => {
    const sources = p.sources.map((s) => `${esc(clip(s.source, 40))} ×${fmt(s.records)}`).join(', ') + (p.moreSources ? ` and ${fmt(p.moreSources)} more` : '');
    const row = [String(i + 1), `<code class="id">${esc(clip(p.profileId, CELL))}</code>`, fmt(p.records), sources || '<span class="note">no source</span>'];
    if (!explainable) return row;
    const cmd = `idweave explain ${out} --profile ${shellWord(p.profileId)}`;
    return [...row, `<code class="cmd">${esc(clip(cmd, 400))}</code><button class="copy" type="button" data-cmd="${esc(cmd)}">copy</button>`];
  });
  if (!explainable) {
    const why = context.evidence === 'none' ? 'it was written with <code>--evidence none</code>: resolve again with <code>--evidence all</code>' : 'Parquet output: resolve again with <code>--output-format ndjson</code>';
    return (
      `<p class="note">The ${fmt(r.largestProfiles.length)} profiles with most records. Check them for over-merging. <code>idweave explain</code> reads the NDJSON outputs ` +
      `(profiles.ndjson, evidence.ndjson, explain.idx), which this run did not write (${why} to explain a profile).</p>` +
      table(['#', 'profile', 'records', 'sources'], rows, [0, 2])
    );
  }
  if (context.evidence === 'refused') {
    return (
      `<p class="note">The ${fmt(r.largestProfiles.length)} profiles with most records. Check them for over-merging. This run kept refused links only (<code>--evidence refused</code>): ` +
      `the command lists a profile's records and the links refused towards other profiles, not the links that join its records (resolve again with <code>--evidence all</code> for those).</p>` +
      table(['#', 'profile', 'records', 'sources', 'explain it'], rows, [0, 2])
    );
  }
  return `<p class="note">The ${fmt(r.largestProfiles.length)} profiles with most records. Check them for over-merging: the command shows why each record is in the profile.</p>${table(['#', 'profile', 'records', 'sources', 'explain it'], rows, [0, 2])}`;
}

function identifiers(r: ResolveFilesReport): string {
  const rows: string[][] = [];
  const stack: StackRow[] = [];
  for (const kind of KINDS) {
    const valid = r.validIdentifiers[kind] ?? 0;
    const invalidByReason = r.invalidIdentifiers[kind] ?? {};
    const invalid = Object.values(invalidByReason).reduce((a, b) => a + b, 0);
    const junk = r.junkIdentifiers[kind] ?? 0;
    const generic = r.genericIdentifiersByKind[kind] ?? 0;
    if (valid + invalid + junk + generic === 0) continue;
    const reasons = Object.entries(invalidByReason)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${esc(clip(reason, 60))} ×${fmt(n)}`)
      .join(', ');
    rows.push([esc(KIND_LABEL[kind]), fmt(valid), fmt(invalid), fmt(junk), fmt(generic), reasons]);
    stack.push({
      label: KIND_LABEL[kind],
      parts: [
        { name: 'valid', value: valid, tone: 'bar-ok' },
        { name: 'invalid', value: invalid, tone: 'bar-warn' },
        { name: 'junk', value: junk, tone: 'bar-grey' },
      ],
    });
  }
  if (rows.length === 0) return none('No identifier was found in the inputs: check the column names (docs/input-format.md).');
  return (
    `<p class="note">Identifier values per kind: valid (normalized; they link), invalid (could not be normalized), junk (placeholders such as test@test.com, dropped). Generic: distinct identifiers shared by so many records that they link nothing.</p>` +
    stackedShares(stack, 'Identifier values per kind: valid, invalid, junk') +
    table(['kind', 'valid', 'invalid', 'junk', 'generic', 'invalid, by reason'], rows, [1, 2, 3, 4])
  );
}

function genericIdentifiers(r: ResolveFilesReport): string {
  if (r.genericIdentifierCount === 0) return none('No generic identifier: no identifier was shared by more records than the generic guard allows.');
  const shown = r.genericIdentifiers.slice(0, GENERIC_SHOWN);
  const rows = shown.map((g) => [`<code>${esc(clip(g.key, CELL))}</code>`, fmt(g.records), fmt(g.distinctIdentifiers)]);
  const more = r.genericIdentifierCount - shown.length;
  return (
    `<p class="note">Identifiers shared by too many records or people to link anyone (office numbers, shared mailboxes, placeholders the junk list missed): ${fmt(r.genericIdentifierCount)} in all.</p>` +
    table(['identifier', 'records', 'other identifiers seen with it'], rows, [1, 2]) +
    (more > 0 ? none(`… and ${fmt(more)} more (report.json lists the ${fmt(r.genericIdentifiers.length)} largest).`) : '')
  );
}

function links(r: ResolveFilesReport): string {
  const refused = Object.entries(r.linksRefused).sort((a, b) => b[1]! - a[1]!);
  const total = r.linksAccepted + refused.reduce((a, [, n]) => a + n!, 0);
  if (total === 0) return none('No link was considered: no two records shared an identifier.');
  const bars: Bar[] = [{ label: 'accepted', value: r.linksAccepted, note: `${fmt(r.linksAccepted)} (${pct(r.linksAccepted, total)})`, tone: 'bar-ok' }];
  for (const [guard, n] of refused) bars.push({ label: `refused: ${GUARD_LABEL[guard] ?? guard}`, value: n!, note: `${fmt(n!)} (${pct(n!, total)}) · guard ${guard}`, tone: 'bar-bad' });
  return `<p class="note">Every candidate link (two records sharing an identifier) accepted, or refused by a guard: log scale.</p>${barChart(bars, { title: 'Links accepted and refused per guard (log scale)', log: true })}`;
}

function sourceOverlap(r: ResolveFilesReport): string {
  const o = r.sourceOverlap;
  if (o.sources.length === 0) return none('No record has a source (add a "source" column to see how sources overlap).');
  const names = o.sources.map((s) => s.name);
  if (o.otherSources) names.push(`other sources (${fmt(o.otherSources.sources)})`);
  let maxOff = 0;
  o.profiles.forEach((row, a) => row.forEach((n, b) => a !== b && n > maxOff && (maxOff = n)));
  const head = `<tr><th></th>${names.map((n) => `<th class="col" title="${esc(clip(n, 300))}">${esc(clip(n, 24))}</th>`).join('')}</tr>`;
  const rows = o.profiles
    .map((row, a) => {
      const own = row[a]!;
      const cells = row
        .map((n, b) => {
          const level = a === b ? 0 : maxOff > 0 && n > 0 ? Math.max(1, Math.ceil((8 * n) / maxOff)) : 0;
          const title = a === b ? `${clip(names[a]!, 40)}: ${fmt(n)} profiles` : `${clip(names[a]!, 40)} and ${clip(names[b]!, 40)}: ${fmt(n)} shared profiles (${pct(n, own)} of ${clip(names[a]!, 40)}'s)`;
          return `<td class="h${level}${a === b ? ' diag' : ''}" title="${esc(title)}">${fmt(n)}</td>`;
        })
        .join('');
      return `<tr><th class="row" title="${esc(clip(names[a]!, 300))}">${esc(clip(names[a]!, 32))}</th>${cells}</tr>`;
    })
    .join('');
  let html = `<p class="note">How many customers (profiles) each pair of sources shares: the single-customer-view question. A cell is the number of profiles holding records of both sources; the diagonal, profiles holding a record of that source.</p>`;
  html += `<table class="matrix"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
  const notes: string[] = [];
  if (o.otherSources) notes.push(`${fmt(o.otherSources.sources)} more sources (${fmt(o.otherSources.records)} records) are summed as "other sources".`);
  if (o.recordsWithoutSource > 0) notes.push(`${fmt(o.recordsWithoutSource)} accepted records have no source.`);
  const recordsBySource = o.sources.map((s) => ({ label: s.name, value: s.records, note: `${fmt(s.records)} records, ${fmt(s.profiles)} profiles` }));
  html += barChart(recordsBySource, { title: 'Records per source' });
  if (notes.length > 0) html += none(notes.join(' '));
  return html;
}

function profilesBySources(r: ResolveFilesReport): string {
  const entries = Object.entries(r.profilesBySourceCount).map(([k, n]) => [Number(k), n] as const).sort((a, b) => a[0] - b[0]);
  if (entries.length === 0) return none('No profiles.');
  const bars: Bar[] = [];
  const shown = entries.filter(([k]) => k < SOURCE_COUNTS_SHOWN);
  const rest = entries.filter(([k]) => k >= SOURCE_COUNTS_SHOWN).reduce((a, [, n]) => a + n, 0);
  for (const [k, n] of shown) bars.push({ label: k === 0 ? 'no source' : `${k} source${k === 1 ? '' : 's'}`, value: n, note: `${fmt(n)} (${pct(n, r.profiles)})`, tone: k >= 2 ? 'bar-ok' : 'bar' });
  if (rest > 0) bars.push({ label: `${SOURCE_COUNTS_SHOWN} or more sources`, value: rest, note: `${fmt(rest)} (${pct(rest, r.profiles)})`, tone: 'bar-ok' });
  return `<p class="note">Profiles seen by one source, or brought together across several, log scale.</p>${barChart(bars, { title: 'Profiles by number of sources (log scale)', log: true })}`;
}

function rejects(r: ResolveFilesReport): string {
  const entries = Object.entries(r.rejectsByReason).sort((a, b) => b[1]! - a[1]!);
  if (r.rejected === 0 || entries.length === 0) return none('No row was rejected.');
  const bars = entries.map(([code, n]) => ({ label: REJECT_LABEL[code] ?? code, value: n!, note: `${fmt(n!)} (${pct(n!, r.recordsIn)} of rows)`, tone: 'bar-bad' }));
  return `<p class="note">${fmt(r.rejected)} rows rejected; each one is in rejects.ndjson with its reasons (a row with several reasons counts under each).</p>${barChart(bars, { title: 'Rejected rows by reason' })}`;
}

function performance(r: ResolveFilesReport): string {
  const total = r.stages.reduce((a, s) => a + s.seconds, 0);
  const bars = r.stages.map((s) => ({ label: s.stage, value: s.seconds, note: `${s.seconds.toFixed(3)} s · ${fmt(s.recordsPerSecond)}/s` }));
  let html = `<div class="cards">${card('Stages, total', `${total.toFixed(1)} s`)}${r.peakRssBytes !== undefined ? card('Peak memory (RSS)', bytes(r.peakRssBytes)) : ''}</div>`;
  html += barChart(bars, { title: 'Seconds per stage' });
  return html;
}

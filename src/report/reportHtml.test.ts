import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { ResolveFilesReport } from '../batch/resolveFiles.js';
import { esc, shellWord } from './html.js';
import { REPORT_SECTIONS, reportHtml } from './reportHtml.js';

const context = { outDir: 'out/demo', generatedAt: '2025-01-02T03:04:05.000Z', version: '0.1.0' };

/** A small but complete report (every section has something to show). */
function sampleReport(over: Partial<ResolveFilesReport> = {}): ResolveFilesReport {
  return {
    recordsIn: 2010,
    rejected: 10,
    erased: 0,
    ids: { range: 0, nextSerial: 2001, fresh: 1000 },
    rejectsByReason: { missing_id: 6, unreadable_row: 4 },
    accepted: 2000,
    profiles: 1000,
    reductionRatio: 0.5,
    clusterSizeHistogram: { '1': 600, '2': 200, '10': 3, '11-16': 1 },
    validIdentifiers: { email: 1300, phone: 1500, externalId: 500 },
    invalidIdentifiers: { phone: { placeholder_phone: 15 } },
    junkIdentifiers: { email: 26 },
    genericIdentifiers: [{ key: 'email:info@hotel.ae', records: 26, distinctIdentifiers: 32 }],
    genericIdentifierCount: 1,
    genericIdentifiersByKind: { email: 1 },
    linksAccepted: 990,
    linksRefused: { generic: 2, shareable: 55 },
    overrideConflicts: 0,
    overridesUnmatched: 0,
    invalidUpdatedAt: 0,
    largestProfiles: [{ profileId: 'P03d73d2992c6c769', records: 11, sources: [{ source: 'pos', records: 6 }, { source: 'crm', records: 5 }] }],
    profilesBySourceCount: { '1': 700, '2': 300 },
    sourceOverlap: {
      sources: [{ name: 'crm', records: 1200, profiles: 700 }, { name: 'pos', records: 800, profiles: 600 }],
      recordsWithoutSource: 0,
      profiles: [[700, 300], [300, 600]],
    },
    stages: [{ stage: 'read', seconds: 0.1, recordsPerSecond: 20000 }, { stage: 'link', seconds: 0.05, recordsPerSecond: 40000 }],
    peakRssBytes: 150e6,
    inputs: [{ file: 'in.csv', rows: 2010, rejected: 10, erased: 0, multiLineRows: 0 }],
    multiLineRows: 0,
    warnings: [],
    lineage: 'full',
    survivorship: { default: 'mostRecent', fields: {}, sourcePriority: [] },
    ...over,
  };
}

const accuracy: NonNullable<ResolveFilesReport['accuracy']> = {
  truth: 'truth.csv',
  records: 2000,
  profiles: 1000,
  persons: 790,
  pairwise: { precision: 0.99, recall: 0.78, f1: 0.87, truePositives: 2200, predictedPairs: 2222, truePairs: 2820 },
  bcubed: { precision: 0.995, recall: 0.86, f1: 0.92 },
  missingFromRun: 0,
  notInTruth: 0,
  duplicateInTruth: 0,
  unreadableLines: 0,
};

const HOSTILE = [`<script>alert(1)</script>`, `"onmouseover="alert(2)`, `'><img src=x onerror=alert(3)>`, `</svg><script>alert(4)</script>`, `</title></text></table>`, 'a\u0000b\u0007c'];

/** Every chart, table and attribute that shows a string from the data, fed a hostile one. */
function hostileReport(h: string): ResolveFilesReport {
  return sampleReport({
    rejectsByReason: { [h]: 3 } as ResolveFilesReport['rejectsByReason'],
    invalidIdentifiers: { phone: { [h]: 2 } },
    genericIdentifiers: [{ key: h, records: 26, distinctIdentifiers: 32 }],
    linksRefused: { [h]: 5 } as ResolveFilesReport['linksRefused'],
    largestProfiles: [{ profileId: h, records: 11, sources: [{ source: h, records: 11 }] }],
    sourceOverlap: { sources: [{ name: h, records: 10, profiles: 5 }, { name: 'pos', records: 10, profiles: 5 }], otherSources: { sources: 3, records: 4, profiles: 2 }, recordsWithoutSource: 0, profiles: [[5, 1, 1], [1, 5, 0], [1, 0, 2]] },
    stages: [{ stage: h, seconds: 1, recordsPerSecond: 1 }],
    inputs: [{ file: h, rows: 1, rejected: 0, erased: 0, multiLineRows: 0 }],
    warnings: [h],
    accuracy: { ...accuracy, truth: h },
  });
}

describe('reportHtml', () => {
  test('every section, in order, with its heading; charts are inline SVG with bars', () => {
    const html = reportHtml(sampleReport({ accuracy }), context);
    let at = 0;
    for (const [id, heading] of REPORT_SECTIONS) {
      const i = html.indexOf(`<section id="${id}"><h2>${heading}</h2>`);
      expect(i, id).toBeGreaterThan(at);
      at = i;
    }
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(7);
    expect(html.match(/<svg /g)!.length).toBe(html.match(/<\/svg>/g)!.length);
    expect(html.match(/<rect class="bar/g)!.length).toBeGreaterThan(20);
    // Summary numbers, accuracy, the explain command, the overlap matrix.
    for (const text of ['2,010', '2,000', '1,000', '50.0%', '0.9900', '0.7800', '0.8600', 'idweave explain out/demo --profile P03d73d2992c6c769', 'class="matrix"', 'placeholder_phone ×15', 'email:info@hotel.ae', '150 MB']) {
      expect(html).toContain(text);
    }
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  test('without a truth, the accuracy section says how to get one; empty sections say so', () => {
    const html = reportHtml(sampleReport({ rejected: 0, rejectsByReason: {}, genericIdentifiers: [], genericIdentifierCount: 0, genericIdentifiersByKind: {} }), context);
    expect(html).toContain('Run with --truth FILE');
    expect(html).toContain('No row was rejected.');
    expect(html).toContain('No generic identifier');
  });

  test.each(HOSTILE)('a hostile string from the data is escaped everywhere: %j', (h) => {
    const html = reportHtml(hostileReport(h), { ...context, outDir: h });
    // Our own script is the only one; no element or attribute comes from the data.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toMatch(/<\/svg><script/);
    expect(html).not.toContain('" onmouseover=');
    expect(html).not.toMatch(/[\u0000-\u0008]/);
    expect(html.match(/<svg /g)!.length).toBe(html.match(/<\/svg>/g)!.length);
    expect(html.match(/<table/g)!.length).toBe(html.match(/<\/table>/g)!.length);
    // It is shown, escaped: in text, and in the copy button's command (an attribute).
    const shown = esc(h.replace(/[\u0000-\u0008]/g, '\uFFFD'));
    expect(html.split(shown).length - 1).toBeGreaterThanOrEqual(10);
    expect(html).toContain(`data-cmd="${esc(`idweave explain ${shellWord(h)} --profile ${shellWord(h)}`)}"`);
  });

  test('largest profiles: what idweave explain can tell from the evidence the run kept (--evidence, #15)', () => {
    const note = (html: string): string => /<section id="largest-profiles">[\s\S]*?<p class="note">([\s\S]*?)<\/p>/.exec(html)![1]!;
    const all = note(reportHtml(sampleReport(), { ...context, evidence: 'all' }));
    expect(all).toBe(note(reportHtml(sampleReport(), context)));
    expect(all).toContain('the command shows why each record is in the profile');
    const refused = reportHtml(sampleReport(), { ...context, evidence: 'refused' });
    expect(note(refused)).toContain('This run kept refused links only (<code>--evidence refused</code>)');
    expect(refused).toContain('data-cmd="idweave explain out/demo --profile');
    const none = reportHtml(sampleReport(), { ...context, explainable: false, evidence: 'none' });
    expect(note(none)).toContain('it was written with <code>--evidence none</code>: resolve again with <code>--evidence all</code> to explain a profile');
    expect(none).not.toContain('data-cmd=');
    expect(note(reportHtml(sampleReport(), { ...context, explainable: false }))).toContain('Parquet output: resolve again with <code>--output-format ndjson</code>');
  });

  test('the page loads nothing: a Content-Security-Policy that allows only its own style and script', () => {
    const html = reportHtml(sampleReport(), context);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string): string => createHash('sha256').update(s).digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${hash(style)}'`);
    expect(csp).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(html).not.toMatch(/\b(src|href)="(https?:|\/\/)/);
    expect(html).not.toMatch(/ style="/); // inline style attributes would need 'unsafe-inline'
  });

  test('a 20M-row run with every list at its cap and long hostile strings: the page stays small', () => {
    const long = (i: number, n: number): string => `<b>${String(i).padStart(6, '0')}</b>${'x'.repeat(n)}`;
    const sources = Array.from({ length: 24 }, (_, i) => ({ name: long(i, 5000), records: 20e6 / 30, profiles: 1e6 }));
    const big = sampleReport({
      recordsIn: 20_000_000,
      accepted: 19_900_000,
      rejected: 100_000,
      profiles: 8_000_000,
      clusterSizeHistogram: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11-16', '17-32', '33-64', '65-128', '129-256', '257-512'].map((k, i) => [k, 8e6 / 2 ** i])),
      genericIdentifiers: Array.from({ length: 1000 }, (_, i) => ({ key: `email:${long(i, 300)}@example.com`, records: 5000 - i, distinctIdentifiers: 900 })),
      genericIdentifierCount: 54_321,
      largestProfiles: Array.from({ length: 50 }, (_, i) => ({
        profileId: `P${String(i).padStart(16, '0')}`,
        records: 200 - i,
        sources: Array.from({ length: 20 }, (_, s) => ({ source: long(s, 2000), records: 10 })),
        moreSources: 180,
      })),
      profilesBySourceCount: Object.fromEntries(Array.from({ length: 300 }, (_, k) => [String(k), 1000])),
      sourceOverlap: { sources, otherSources: { sources: 100_000, records: 1e6, profiles: 5e5 }, recordsWithoutSource: 5, profiles: Array.from({ length: 25 }, () => Array.from({ length: 25 }, () => 123_456)) },
      inputs: Array.from({ length: 10_000 }, (_, i) => ({ file: long(i, 1000), rows: 2000, rejected: 10, erased: 0, multiLineRows: 0 })),
      warnings: Array.from({ length: 10_000 }, (_, i) => long(i, 5000)),
      accuracy,
    });
    const t0 = performance.now();
    const html = reportHtml(big, context);
    const ms = performance.now() - t0;
    const size = Buffer.byteLength(html);
    expect(size).toBeLessThan(400_000);
    expect(ms).toBeLessThan(2000);
    expect(html).toContain('… and 9,900 more inputs');
    expect(html).toContain('and 180 more');
    expect(html).toContain('20 or more sources');
    expect(html).not.toContain('<b>');
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCapture } from '../_testing/cli.js';
import { REPORT_SECTIONS } from './reportHtml.js';

/**
 * report.html in a real browser: headless Chromium (the Debian `chromium` package; .ci/run installs it) driven by
 * playwright-core. The CLI resolves the sample with its truth; the page must load with no console error and no
 * request but itself, show every section, draw its charts, and run its copy script under its own CSP.
 *
 * `IDWEAVE_UPDATE_SCREENSHOT=1` also writes docs/report.png (the README's picture); a plain test run leaves the
 * work tree alone (the page holds the run's time and timings, so the image changes with every run).
 */
// IDWEAVE_CHROMIUM: another Chromium binary (default: the Debian package's).
const CHROMIUM = process.env.IDWEAVE_CHROMIUM ?? '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!! SKIPPED: the browser test of report.html (src/report/reportHtml.browser.test.ts): ${CHROMIUM} is missing.\n` +
      `!! Install the Debian package: apt-get install -y chromium (.ci/run does this in CI), or set IDWEAVE_CHROMIUM.\n${line}\n`,
  );
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'idweave-browser-'));
  let context: BrowserContext;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    // A fresh profile per run (playwright passes it as --user-data-dir).
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(dir, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1200, height: 900 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page, collecting console errors, page errors, dialogs and requests. */
  async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[]; dialogs: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));
    page.on('request', (r) => void requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors, requests, dialogs };
  }

  test('the sample with --truth: every section, charts with bars, accuracy, no console error, no request', async () => {
    const screenshot = process.env.IDWEAVE_UPDATE_SCREENSHOT === '1';
    // For the README's picture, paths as a user types them (relative); otherwise a private directory.
    const out = screenshot ? path.relative(process.cwd(), path.join(root, 'out/report-demo')) : path.join(dir, 'sample-out');
    const sample = (f: string): string => path.relative(process.cwd(), path.join(root, 'fixtures/sample', f));
    const r = await runCapture('resolve', sample('records.csv'), '--out', out, '--config', sample('idweave.config.json'), '--truth', sample('truth.csv'), '--no-progress');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(out, 'report.html');
    const { page, errors, requests } = await open(path.resolve(file));

    expect(await page.locator('section > h2').allTextContents()).toEqual(REPORT_SECTIONS.map(([, heading]) => heading));
    expect(await page.title()).toBe('idweave report: 2,000 records, ' + (await page.locator('#summary .card .v').nth(3).textContent()) + ' profiles');
    // Charts: inline SVG, laid out with a size, with bars.
    const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => ({ w: s.getBoundingClientRect().width, h: s.getBoundingClientRect().height, bars: s.querySelectorAll('rect[class^="bar"]').length })));
    expect(charts.length).toBeGreaterThanOrEqual(7); // every chart section but rejects (the sample has none)
    for (const c of charts) {
      expect(c.w).toBeGreaterThan(300);
      expect(c.h).toBeGreaterThan(20);
      expect(c.bars).toBeGreaterThan(0);
    }
    for (const id of ['accuracy', 'cluster-sizes', 'identifiers', 'links', 'profiles-by-sources', 'performance']) expect(await page.locator(`#${id} svg.chart rect`).count(), id).toBeGreaterThan(0);
    // Accuracy against the sample's truth: pairwise and B-cubed precision / recall / F1.
    const accuracy = await page.locator('#accuracy table').innerText();
    expect(accuracy).toMatch(/pairwise\s+\d\.\d{4}\s+\d\.\d{4}\s+\d\.\d{4}/);
    expect(accuracy).toMatch(/B-cubed\s+\d\.\d{4}\s+\d\.\d{4}\s+\d\.\d{4}/);
    // The 50 largest profiles, each with its explain command; the source overlap matrix of the sample's 6 sources.
    expect(await page.locator('#largest-profiles tbody tr').count()).toBe(50);
    expect(await page.locator('#largest-profiles code.cmd').first().innerText()).toMatch(/^idweave explain \S+ --profile P[0-9a-z]{8,11}$/);
    expect(await page.locator('#source-overlap table.matrix tbody tr').count()).toBe(6);
    // The copy script runs under the page's CSP (the button answers; the clipboard may be refused headless).
    await page.locator('#largest-profiles button.copy').first().click();
    await expect.poll(() => page.locator('#largest-profiles button.copy').first().innerText()).toMatch(/^(copied|Ctrl\+C)$/);

    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(path.resolve(file)).href]);

    if (screenshot) {
      // The README's picture: the page with the long table of largest profiles cut to its first 5 rows.
      await page.locator('#largest-profiles tbody tr:nth-child(n+6)').evaluateAll((rows) => rows.forEach((tr) => tr.remove()));
      await page.locator('#largest-profiles button.copy').first().evaluate((b) => (b.textContent = 'copy'));
      writeFileSync(path.join(root, 'docs/report.png'), await page.screenshot({ fullPage: true, type: 'png' }));
    }
    await page.close();
  }, 120_000);

  test('hostile ids and source names render as text: no script runs, no element is injected', async () => {
    const input = path.join(dir, 'hostile.csv');
    const evil = ['<script>alert(1)</script>', '</svg><img src=x onerror=alert(2)>', `"'><svg onload=alert(3)>`];
    const rows = evil.flatMap((e, i) => [`"${e.replaceAll('"', '""')}-a",${`"${e.replaceAll('"', '""')}"`},same${i}@gmail.com,Ann,Lee`, `x${i}-b,${`"${e.replaceAll('"', '""')}"`},same${i}@gmail.com,Ann,Lee`]);
    writeFileSync(input, `id,source,email,first_name,last_name\n${rows.join('\n')}\n`);
    const out = path.join(dir, 'hostile-out');
    expect((await runCapture('resolve', input, '--out', out, '--no-progress')).code).toBe(0);
    const file = path.join(out, 'report.html');
    expect(readFileSync(file, 'utf8').match(/<script/g)).toHaveLength(1);
    const { page, errors, dialogs, requests } = await open(file);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const overlap = await page.locator('#source-overlap').innerText();
    for (const e of evil) expect(overlap).toContain(e.slice(0, 20));
    await page.close();
  }, 60_000);
});

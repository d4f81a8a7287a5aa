/**
 * Normalizer throughput, values per second on one core, per identifier kind, on realistic mixed input
 * (`normalizeInputs.ts`: seeded, GCC-heavy phones in mixed formats, each distinct value ~2.5 times in random order,
 * ~10% invalid or junk). Prints JSON and writes `bench/results/normalize.json`.
 *
 *   npx tsx bench/normalizeThroughput.ts
 *
 * Method: inputs are built before timing; each kind runs once as warm-up (JIT), then 5 timed runs over the same
 * array; the median is reported. Phone is measured three ways:
 * - `phone` — the realistic stream, the parse cache cleared before every run (so each run pays its own cold misses:
 *   the first occurrence of every number is parsed, repeats hit the cache);
 * - `phoneCold` — every value a distinct valid number, cache cleared before each run: all misses;
 * - `phoneWarm` — the realistic stream again without clearing: every value already cached (upper bound).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeEmail } from '../src/normalize/email/normalizeEmail.js';
import { normalizeExternalId } from '../src/normalize/externalId/normalizeExternalId.js';
import { normalizeLogin } from '../src/normalize/login/normalizeLogin.js';
import { clearPhoneCache, normalizePhone } from '../src/normalize/phone/normalizePhone.js';
import { normalizeHandle } from '../src/normalize/social/normalizeHandle.js';
import { distinctPhoneInputs, emailInputs, externalIdInputs, handleInputs, loginInputs, phoneInputs } from './normalizeInputs.js';

const N = 200_000;
const RUNS = 5;

interface KindResult {
  readonly valuesPerSecond: number;
  readonly values: number;
  readonly ok: number;
  readonly runsValuesPerSecond: readonly number[];
}

/** Times `body` over the whole input `RUNS` times after one warm-up run; `before` runs untimed before each run. */
function measure(values: number, body: () => number, before: () => void = () => {}): KindResult {
  before();
  const ok = body(); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    before();
    const t0 = process.hrtime.bigint();
    body();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(Math.round(values / seconds));
  }
  const sorted = [...rates].sort((a, b) => a - b);
  return { valuesPerSecond: sorted[Math.floor(RUNS / 2)]!, values, ok, runsValuesPerSecond: rates };
}

function main(): void {
  const phones = phoneInputs(N);
  const cold = distinctPhoneInputs(N / 2);
  const emails = emailInputs(N);
  const logins = loginInputs(N);
  const handles = handleInputs(N);
  const externalIds = externalIdInputs(N);
  const distinctPhones = new Set(phones).size;

  const count = (f: (i: number) => boolean, n: number) => () => {
    let ok = 0;
    for (let i = 0; i < n; i++) if (f(i)) ok++;
    return ok;
  };
  const results: Record<string, KindResult> = {
    phone: measure(N, count((i) => normalizePhone(phones[i]!).ok, N), clearPhoneCache),
    phoneCold: measure(cold.length, count((i) => normalizePhone(cold[i]!).ok, cold.length), clearPhoneCache),
    phoneWarm: measure(N, count((i) => normalizePhone(phones[i]!).ok, N)),
    email: measure(N, count((i) => normalizeEmail(emails[i]!).ok, N)),
    login: measure(N, count((i) => normalizeLogin(logins[i]!).ok, N)),
    handle: measure(N, count((i) => normalizeHandle(handles[i]![0], handles[i]![1]).ok, N), clearPhoneCache),
    externalId: measure(N, count((i) => normalizeExternalId('loyalty', externalIds[i]!).ok, N)),
  };
  const report = {
    node: process.version,
    date: new Date().toISOString(),
    method: `median of ${RUNS} runs after 1 warm-up run, ${N} values per run, one core; see bench/normalizeThroughput.ts`,
    input: { values: N, distinctPhoneStrings: distinctPhones, coldDistinctPhones: cold.length },
    results,
  };
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'normalize.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${json}\n`);
}

main();

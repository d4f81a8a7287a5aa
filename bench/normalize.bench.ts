/**
 * Normalizer micro benchmarks (vitest bench): one pass over 20,000 realistic mixed values per kind
 * (`normalizeInputs.ts`, seeded, built outside the timed bodies). Divide hz by nothing: each iteration normalizes
 * the whole array, so values/s = hz × 20,000. The authoritative per-kind values/s (median of 5 runs, cold and warm
 * phone cache) come from `npx tsx bench/normalizeThroughput.ts`, which writes bench/results/normalize.json.
 *
 *   npx vitest bench --run bench/normalize.bench.ts
 */
import { bench, describe } from 'vitest';
import { normalizeEmail } from '../src/normalize/email/normalizeEmail.js';
import { normalizeExternalId } from '../src/normalize/externalId/normalizeExternalId.js';
import { normalizeLogin } from '../src/normalize/login/normalizeLogin.js';
import { clearPhoneCache, normalizePhone } from '../src/normalize/phone/normalizePhone.js';
import { normalizeHandle } from '../src/normalize/social/normalizeHandle.js';
import { distinctPhoneInputs, emailInputs, externalIdInputs, handleInputs, loginInputs, phoneInputs } from './normalizeInputs.js';

const N = 20_000;
const phones = phoneInputs(N);
const coldPhones = distinctPhoneInputs(N);
const emails = emailInputs(N);
const logins = loginInputs(N);
const handles = handleInputs(N);
const externalIds = externalIdInputs(N);
const options = { time: 300, warmupTime: 100 };

describe(`normalize ${N} values per iteration`, () => {
  bench('email', () => {
    for (let i = 0; i < N; i++) normalizeEmail(emails[i]!);
  }, options);
  bench('phone (realistic repeats, cache cleared per iteration)', () => {
    clearPhoneCache();
    for (let i = 0; i < N; i++) normalizePhone(phones[i]!);
  }, options);
  bench('phone cold (all distinct, cache cleared per iteration)', () => {
    clearPhoneCache();
    for (let i = 0; i < N; i++) normalizePhone(coldPhones[i]!);
  }, options);
  bench('login', () => {
    for (let i = 0; i < N; i++) normalizeLogin(logins[i]!);
  }, options);
  bench('handle', () => {
    for (let i = 0; i < N; i++) normalizeHandle(handles[i]![0], handles[i]![1]);
  }, options);
  bench('externalId', () => {
    for (let i = 0; i < N; i++) normalizeExternalId('loyalty', externalIds[i]!);
  }, options);
});

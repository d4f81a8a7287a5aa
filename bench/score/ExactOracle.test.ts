import { describe, expect, test } from 'vitest';
import { ExactOracle } from './ExactOracle.js';
import { identifierKeysOf } from './identifierKeysOf.js';
import { scorePartition } from '../../src/report/scorePartition.js';

describe('identifierKeysOf', () => {
  test('normalizes every identifier column; junk gives no key; WhatsApp is a phone', () => {
    const keys = identifierKeysOf({
      email: ' J.Doe+promo@GoogleMail.com |test@test.com',
      phone: '050 123 4567|n/a',
      login: 'JDoe_1',
      instagram: 'https://www.instagram.com/J.Doe/',
      twitter: '@JDoe',
      whatsapp: 'wa.me/971501234567',
      loyalty_id: ' MAF001 ',
      city: 'Dubai',
    });
    expect(keys.sort()).toEqual(['e:jdoe@gmail.com', 'h:instagram:j.doe', 'h:twitter:jdoe', 'l:global:jdoe_1', 'p:+971501234567', 'x:loyalty:MAF001']);
  });
});

describe('ExactOracle', () => {
  // Records 0..6. Persons: A = {0, 1, 2}, B = {3, 4}, C = {5}, D = {6}.
  // 0–1 share a pure email; 1–2 a pure loyalty id; 2–3 a household phone (A and B: impure);
  // 3–4 a pure handle; 4, 5, 6 a front-desk phone (impure); 6 nothing else.
  const truth = Int32Array.of(0, 0, 0, 1, 1, 2, 3);
  const rows = [
    ['e:a@x.com'],
    ['e:a@x.com', 'x:loyalty:1'],
    ['x:loyalty:1', 'p:+971501111111'],
    ['p:+971501111111', 'h:instagram:b'],
    ['h:instagram:b', 'p:+97143000000'],
    ['p:+97143000000'],
    ['p:+97143000000'],
  ];

  test('joins records through pure keys only: precision 1, recall is the exact-matching ceiling', () => {
    const oracle = new ExactOracle();
    rows.forEach((keys, i) => oracle.add(i, truth[i]!, keys));
    const labels = oracle.labels(7);
    expect(labels[0]).toBe(labels[1]);
    expect(labels[1]).toBe(labels[2]);
    expect(labels[3]).toBe(labels[4]);
    expect(labels[2]).not.toBe(labels[3]);
    expect(new Set(labels).size).toBe(4);
    expect(oracle.keyCounts()).toEqual({ keys: 5, impure: 2 });
    const s = scorePartition(labels, truth);
    expect(s.pairwise.precision).toBe(1);
    expect(s.pairwise.recall).toBe(1);
  });

  test('a person split by missing identifiers lowers the ceiling', () => {
    const oracle = new ExactOracle();
    // Person 0 has records 0, 1, 2; record 2 shares nothing with the others.
    oracle.add(0, 0, ['e:a@x.com']);
    oracle.add(1, 0, ['e:a@x.com']);
    oracle.add(2, 0, ['p:+971502222222']);
    const s = scorePartition(oracle.labels(3), Int32Array.of(0, 0, 0));
    expect(s.pairwise.precision).toBe(1);
    expect(s.pairwise.recall).toBeCloseTo(1 / 3, 12);
  });
});

import { describe, expect, test } from 'vitest';
import { IdweaveError } from '../errors.js';
import { parseEvidenceMode } from './evidenceMode.js';

describe('parseEvidenceMode', () => {
  test.each([
    ['the default', undefined, 'all'],
    ['all', 'all', 'all'],
    ['refused', 'refused', 'refused'],
    ['none', 'none', 'none'],
    ['true: an alias of the default', true, 'all'],
    ['false: an alias of none', false, 'none'],
  ] as const)('%s', (_label, value, mode) => {
    expect(parseEvidenceMode(value, 'evidence')).toBe(mode);
  });

  test.each([
    ['an unknown mode', 'some', '"some"'],
    ['a mode in capitals (the library takes the exact values)', 'ALL', '"ALL"'],
    ['the empty string', '', '""'],
    ['a number', 1, '1'],
    ['null', null, 'null'],
    ['an object', { refused: true }, 'an object'],
  ])('%s is a config error naming the allowed values', (_label, value, got) => {
    let error: unknown;
    try {
      parseEvidenceMode(value, '--evidence');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IdweaveError);
    expect(error).toMatchObject({
      code: 'config_invalid',
      message: `--evidence: expected all, refused or none (true is all, false is none), got ${got}`,
      issues: [`--evidence: expected all, refused or none (true is all, false is none), got ${got}`],
    });
  });
});

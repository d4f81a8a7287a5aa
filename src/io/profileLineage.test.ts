import { describe, expect, test } from 'vitest';
import { parseProfileLineage } from './profileLineage.js';

describe('parseProfileLineage', () => {
  test('full (also when absent) and compact', () => {
    expect(parseProfileLineage(undefined, 'lineage')).toBe('full');
    expect(parseProfileLineage('full', 'lineage')).toBe('full');
    expect(parseProfileLineage('compact', 'lineage')).toBe('compact');
  });

  test.each([['short', '"short"'], [true, 'true'], [{}, 'an object'], ['', '""'], ['__proto__', '"__proto__"']])('%j is a config error naming the choices', (value, got) => {
    expect(() => parseProfileLineage(value, '--lineage')).toThrow(expect.objectContaining({ code: 'config_invalid', message: `--lineage: expected full or compact, got ${got}` }));
  });
});

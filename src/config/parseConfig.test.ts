import { describe, expect, test } from 'vitest';
import { IdweaveError } from '../errors.js';
import { parseConfig } from './parseConfig.js';
import { parseResolveOptions } from './parseResolveOptions.js';

describe('parseConfig', () => {
  test('a full valid config', () => {
    const r = parseConfig({
      defaultRegion: 'sa',
      columns: { email: 'EmailAddress', id: 'customer_no' },
      externalIds: { loyalty_id: 'loyalty' },
      junk: { values: { email: ['none@none.com'] }, patterns: { any: ['^x+$'] } },
      guards: { generic: { maxRecords: 50 }, exclusive: { kinds: ['login', 'externalId'] }, shareable: false, maxClusterSize: 100 },
      fuzzy: { emailDomainTypos: false },
      loginNamespace: 'source',
      survivorship: { default: 'mostFrequent', fields: { city: 'sourcePriority' }, sourcePriority: ['crm', 'pos'] },
    });
    expect(r).toMatchObject({ ok: true, config: { defaultRegion: 'SA', columns: { id: 'customer_no' } } });
  });

  test('every problem is listed with its path', () => {
    const r = parseConfig({
      defaultRegion: 'UAE',
      colums: {},
      guards: { generic: { maxRecords: 0 }, maxClusterSize: -1 },
      junk: { patterns: { email: ['(unclosed'] } },
      columns: { mail: 'x' },
      survivorship: { default: 'newest' },
    });
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        'defaultRegion: expected a 2-letter region code such as "AE"',
        'colums: unknown key',
        'guards.generic.maxRecords: expected a positive integer',
        'guards.maxClusterSize: expected a positive integer',
        expect.stringMatching(/^junk\.patterns\.email\[0\]: invalid regular expression/),
        'columns.mail: unknown key',
        expect.stringMatching(/^survivorship\.default: expected one of mostRecent/),
      ]),
    );
    expect(issues.length).toBeGreaterThanOrEqual(7);
  });

  test('not an object', () => {
    expect(parseConfig([])).toEqual({ ok: false, issues: [expect.stringMatching(/^\(root\): /)] });
  });
});

describe('parseResolveOptions', () => {
  test('valid options come back normalized', () => {
    expect(parseResolveOptions({ defaultRegion: 'ae', guards: { generic: false } })).toEqual({ defaultRegion: 'AE', guards: { generic: false } });
    expect(parseResolveOptions(undefined)).toEqual({});
  });
  test('throws config_invalid with all issues; io-only keys are not options', () => {
    try {
      parseResolveOptions({ columns: {}, fuzzy: 'yes' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IdweaveError);
      expect((e as IdweaveError).code).toBe('config_invalid');
      expect((e as IdweaveError).issues).toEqual(['columns: unknown key', 'fuzzy: expected false or { emailDomainTypos? }']);
    }
  });
});

describe('parseConfig: configs that would silently lose data are refused', () => {
  test.each([
    [{ externalIds: { id: 'crm' } }, 'externalIds.id: input column "id" is already read as id; an external id needs a column of its own'],
    [{ columns: { email: 'contact', phone: 'contact' } }, 'columns.phone: input column "contact" would be read both as email and as phone; map one of them to another column'],
    [{ columns: { email: 'phone' } }, 'columns.email: input column "phone" would be read both as email and as phone; map one of them to another column'],
    [{ columns: { email: 'Mail' }, externalIds: { Mail: 'crm' } }, 'externalIds.Mail: input column "Mail" is already read as email; an external id needs a column of its own'],
    [{ survivorship: { fields: { first_name: 'mostRecent', firstName: 'mostFrequent' } } }, 'survivorship.fields.first_name: "first_name" and "firstName" are the same field, with different rules'],
    [{ defaultRegion: 'ZZ' }, 'defaultRegion: "ZZ" is not a region with phone numbering known to libphonenumber-js (e.g. AE, SA, GB, US)'],
  ])('%j', (config, issue) => {
    expect(parseConfig(config)).toEqual({ ok: false, issues: [issue] });
  });

  test('harmless overlaps stay allowed', () => {
    expect(parseConfig({ columns: { twitter: 'x' } }).ok).toBe(true);
    expect(parseConfig({ columns: { email: 'phone', phone: 'mobile' } }).ok).toBe(true);
    expect(parseConfig({ survivorship: { fields: { first_name: 'mostRecent', firstName: 'mostRecent' } } }).ok).toBe(true);
  });

  test('the library refuses an unknown default region too', () => {
    expect(() => parseResolveOptions({ defaultRegion: 'XX' })).toThrow(/"XX" is not a region/);
  });
});

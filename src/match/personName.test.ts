import { describe, expect, test } from 'vitest';
import { personNameOf, surnameCore } from './personName.js';

describe('personNameOf', () => {
  test.each([
    [{ firstName: 'John', lastName: 'Smith' }, ['john', 'smith']],
    [{ fullName: 'John Smith' }, ['john', 'smith']],
    [{ fullName: 'John Michael Smith' }, ['john', 'smith']],
    [{ fullName: 'Abdullah Al Otaibi' }, ['abdullah', 'al otaibi']],
    [{ fullName: 'Al Otaibi, Abdullah' }, ['abdullah', 'al otaibi']],
    [{ fullName: 'Van Dyke, Anna' }, ['anna', 'van dyke']],
    [{ fullName: 'Anna van Dyke' }, ['anna', 'van dyke']],
    [{ fullName: 'Saeed bin Rashid Al Maktoum' }, ['saeed', 'bin rashid al maktoum']],
    [{ fullName: 'bin Rashid, Saeed' }, ['saeed', 'bin rashid']],
    [{ fullName: 'Mr. John Smith Jr' }, ['john', 'smith']],
    [{ fullName: 'Smith, Jr' }, ['smith', '']],
    [{ firstName: 'Dr Sara', lastName: 'Haddad' }, ['sara', 'haddad']],
    [{ firstName: 'Guest', lastName: 'Customer' }, ['', '']],
    [{ firstName: 'N/A' }, ['', '']],
    [{ firstName: 'Mohammed Ali' }, ['mohammed', 'ali']],
    [{ firstName: 'John Smith', lastName: '' }, ['john', 'smith']],
    [{ firstName: 'John Smith', lastName: 'N/A', fullName: '' }, ['john', 'smith']],
    [{ firstName: 'Mary Jane', lastName: 'Watson' }, ['mary jane', 'watson']],
    [{ firstName: 'Sara', fullName: 'Sara Haddad' }, ['sara', 'haddad']],
    [{ fullName: 'Madonna' }, ['madonna', '']],
    [{ fullName: 'Al Harbi Mariam' }, ['mariam', 'al harbi']],
    [{ fullName: 'Al Otaibi' }, ['', 'al otaibi']],
    [{ fullName: 'bin Al Rashid Saeed' }, ['saeed', 'bin al rashid']],
    [{}, ['', '']],
  ])('%j → %j', (fields, expected) => {
    expect(personNameOf(fields)).toEqual(expected);
  });
});

describe('surnameCore', () => {
  test.each([
    ['al otaibi', 'otaibi'],
    ['alotaibi', 'otaibi'],
    ['otaibi', 'otaibi'],
    ['van dyke', 'dyke'],
    ['bin rashid al maktoum', 'rashidmaktoum'],
    ['al', 'al'],
    ['allen', 'allen'],
  ])('%s → %s', (s, core) => {
    expect(surnameCore(s)).toBe(core);
  });
});

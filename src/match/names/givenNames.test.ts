import { describe, expect, it } from 'vitest';
import { normalizeName } from '../normalizeName.js';
import * as DATA from './givenNameData.js';
import { areNameVariants, givenNameGroups, isKnownGivenName } from './givenNames.js';

/** Callers pass folded names: so do the tests (Arabic hamza and harakat, accents, case). */
const f = (s: string): string => normalizeName(s);
const variants = (a: string, b: string): boolean => areNameVariants(f(a), f(b));
const known = (s: string): boolean => isKnownGivenName(f(s));

/** Every pair of the list is a pair of variants. */
function expectAllVariants(names: readonly string[]): void {
  for (const a of names) {
    for (const b of names) {
      if (a !== b) expect(variants(a, b), `${a} / ${b}`).toBe(true);
    }
  }
}

/** Both names known, and not variants of each other: the matcher says "disagree". */
function expectDistinct(a: string, b: string): void {
  expect(known(a), `${a} known`).toBe(true);
  expect(known(b), `${b} known`).toBe(true);
  expect(variants(a, b), `${a} / ${b} not variants`).toBe(false);
}

const GROUP_TABLES = {
  NICKNAME_GROUPS: DATA.NICKNAME_GROUPS,
  SPELLING_GROUPS: DATA.SPELLING_GROUPS,
  ARABIC_GROUPS: DATA.ARABIC_GROUPS,
  SOUTH_ASIAN_GROUPS: DATA.SOUTH_ASIAN_GROUPS,
  FILIPINO_GROUPS: DATA.FILIPINO_GROUPS,
};

function groupLines(table: string): string[][] {
  return table.split('\n').filter((l) => l.length > 0).map((l) => l.split(' '));
}

describe('given names: variants', () => {
  it('English nicknames and diminutives', () => {
    expect(variants('Bill', 'William')).toBe(true);
    expect(variants('Bob', 'Robert')).toBe(true);
    expect(variants('Liz', 'Elizabeth')).toBe(true);
    expect(variants('Katie', 'Kate')).toBe(true);
    expect(variants('Ann', 'Anna')).toBe(true);
  });

  it('English spellings of one name', () => {
    expectAllVariants(['Alan', 'Allen', 'Allan']);
    expectAllVariants(['Sara', 'Sarah']);
    expectAllVariants(['Jeffrey', 'Jeffery', 'Geoffrey']);
    expectAllVariants(['Steven', 'Stephen']);
    expectAllVariants(['Brian', 'Bryan']);
    expectAllVariants(['Caitlin', 'Kaitlyn', 'Katelyn']);
    expectAllVariants(['Brittany', 'Brittney', 'Britney']);
    expect(variants('John', 'Jon')).toBe(true);
    expect(variants('Gerald', 'Gearld')).toBe(true); // a common misspelling, frequent enough to be in SSA's list
    expect(variants('Ashley', 'Ashely')).toBe(true);
  });

  it('George in other European languages, Jörg included (decision: Jorg is known and a variant)', () => {
    expectAllVariants(['George', 'Georg', 'Jorge', 'Jorg', 'Jörg']);
    expect(known('Jorg')).toBe(true);
  });

  it('Arabic transliterations', () => {
    expectAllVariants(['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad', 'Mohd', 'Mhd']);
    expectAllVariants(['Abdullah', 'Abdallah', 'Abdulla']);
    expectAllVariants(['Yousef', 'Yusuf', 'Youssef', 'Yousif']);
    expectAllVariants(['Khaled', 'Khalid']);
    expectAllVariants(['Aisha', 'Ayesha', 'Aysha']);
    expectAllVariants(['Fatima', 'Fatma', 'Fatemah', 'Fatimah']);
    expectAllVariants(['Huda', 'Hoda']);
    expectAllVariants(['Maryam', 'Mariam', 'Meryem', 'Miriam']);
    expectAllVariants(['Noor', 'Nour', 'Nur']);
    expectAllVariants(['Layla', 'Leila', 'Laila']);
    expectAllVariants(['Hussein', 'Husain', 'Hussain']);
    expectAllVariants(['Omar', 'Umar']);
    expectAllVariants(['Tariq', 'Tarek', 'Tareq']);
    expectAllVariants(['Yasmin', 'Yasmeen', 'Jasmine']);
    expectAllVariants(['Hessa', 'Hissa']);
    expectAllVariants(['Mouza', 'Moza']);
    expectAllVariants(['Reem', 'Rim']);
    expectAllVariants(['Lina', 'Leena']);
  });

  it('Arabic script with its Latin transliterations', () => {
    expectAllVariants(['محمد', 'Mohammed', 'Muhammad', 'مُحَمَّد']); // harakat fold away
    expectAllVariants(['أحمد', 'احمد', 'Ahmed', 'Ahmad']); // hamza on alif folds away
    expectAllVariants(['إبراهيم', 'Ibrahim', 'Ebrahim']);
    expectAllVariants(['عبدالله', 'Abdullah']);
    expectAllVariants(['فاطمة', 'فاطمه', 'Fatima']);
    expectAllVariants(['عائشة', 'Aisha']);
    expectAllVariants(['يوسف', 'Yusuf']);
    expectAllVariants(['ليلى', 'Layla']);
    expectAllVariants(['هدى', 'Hoda']);
    expectAllVariants(['سارة', 'Sara', 'Sarah']);
    expect(variants('محمد', 'احمد')).toBe(false);
  });

  it('South Asian spellings and short forms', () => {
    expectAllVariants(['Md', 'Mohammed']); // the Bangladeshi abbreviation
    expect(variants('Venkatesh', 'Venky')).toBe(true);
    expect(variants('Srinivas', 'Srini')).toBe(true);
    expect(variants('Lakshmi', 'Laxmi')).toBe(true);
    expect(variants('Rajesh', 'Raj')).toBe(true);
    expect(variants('Preethi', 'Preeti')).toBe(true);
    expect(known('Suresh')).toBe(true);
    expect(known('Ramesh')).toBe(true);
    expect(known('Priya')).toBe(true);
  });

  it('Filipino names and short forms', () => {
    expect(variants('Maria', 'Ma.')).toBe(true); // "Ma." folds to "ma"
    expect(variants('Jose', 'Pepe')).toBe(true);
    expect(variants('Jose', 'Joe')).toBe(true);
    expect(variants('Rosario', 'Charo')).toBe(true);
    expect(variants('Consuelo', 'Connie')).toBe(true);
    expect(variants('Jesus', 'Chuy')).toBe(true);
    expect(variants('Francisco', 'Paco')).toBe(true);
    expect(variants('Maria', 'Mia')).toBe(true);
    expect(variants('Jose', 'Jojo')).toBe(true);
  });

  it('is symmetric', () => {
    const sample = ['bill', 'william', 'chris', 'christopher', 'christine', 'carl', 'carol', 'محمد', 'mohammed', 'ma', 'maria', 'xqzv'];
    for (const a of sample) for (const b of sample) expect(areNameVariants(a, b)).toBe(areNameVariants(b, a));
  });
});

describe('given names: groups are not transitive', () => {
  it('a short form belongs to the groups of each full name it stands for', () => {
    expect(givenNameGroups('chris').length).toBeGreaterThanOrEqual(2);
    expect(variants('Chris', 'Christopher')).toBe(true);
    expect(variants('Chris', 'Christine')).toBe(true);
    expectDistinct('Christopher', 'Christine');
    expect(variants('Alex', 'Alexander')).toBe(true);
    expect(variants('Alex', 'Alexandra')).toBe(true);
    expectDistinct('Alexander', 'Alexandra');
    expect(variants('Sam', 'Samuel')).toBe(true);
    expect(variants('Sam', 'Samantha')).toBe(true);
    expectDistinct('Samuel', 'Samantha');
    expect(variants('Jon', 'Jonathan')).toBe(true);
    expect(variants('Jon', 'John')).toBe(true);
    expectDistinct('John', 'Jonathan');
  });

  it('"Abdul" alone (the first word of a compound name) belongs to every Abd- name', () => {
    expect(variants('Abdul', 'Abdulrahman')).toBe(true);
    expect(variants('Abdul', 'Abdullah')).toBe(true);
    expect(variants('عبد', 'عبدالرحمن')).toBe(true);
    expectDistinct('Abdullah', 'Abdulrahman');
    expectDistinct('Abdulaziz', 'Abdulrahman');
  });

  it('a Latin spelling shared by two Arabic names is in both groups, the two names stay apart', () => {
    // سالم Salem and سليم Saleem are both written "Salim".
    expect(variants('Salim', 'Salem')).toBe(true);
    expect(variants('Salim', 'Saleem')).toBe(true);
    expectDistinct('Salem', 'Saleem');
    expectDistinct('سالم', 'سليم');
  });

  it('no group is giant (largest ≤ 30 names)', () => {
    let largest = 0;
    for (const table of Object.values(GROUP_TABLES)) {
      for (const g of groupLines(table)) largest = Math.max(largest, g.length);
    }
    expect(largest).toBeLessThanOrEqual(30);
  });
});

describe('given names: distinct names', () => {
  it('known names spelled close but different', () => {
    expectDistinct('Carl', 'Carol');
    expectDistinct('Dana', 'Diana');
    expectDistinct('Mark', 'Mary');
    expectDistinct('Ali', 'Alia');
    expectDistinct('Adam', 'Adham');
    expectDistinct('Omar', 'Amir');
    expectDistinct('Mario', 'Maria');
    expectDistinct('Kevin', 'Kelvin');
    expectDistinct('Emma', 'Emily');
    expectDistinct('Louis', 'Louise');
    expectDistinct('Daniel', 'Danielle');
    expectDistinct('Anna', 'Anne'); // the -a and -e forms are different names (Joanna / Joanne, Christina / Christine)
    expectDistinct('Christina', 'Christine');
  });

  it('Arabic names that differ by a letter are different names', () => {
    expectDistinct('Amna', 'Amina'); // آمنة / أمينة
    expectDistinct('آمنة', 'أمينة');
    expectDistinct('Zayed', 'Zaid'); // زايد / زيد
    expectDistinct('Noor', 'Noura'); // نور / نورة
    expectDistinct('Hassan', 'Hussein'); // حسن / حسين
    expectDistinct('حسن', 'حسين');
    expectDistinct('Ali', 'Allie');
  });

  it('translations into another language are not variants', () => {
    // Decision: a person named Yousef is not recorded as Joseph; Mary and Maria stay apart too.
    expectDistinct('Yousef', 'Joseph');
    expectDistinct('Maria', 'Mary');
  });
});

describe('given names: the known set', () => {
  it('holds common given names and every grouped name', () => {
    for (const n of ['Jennifer', 'Michael', 'Olivia', 'Liam', 'Dorothy', 'Gary', 'Priya', 'Fatima', 'Aisha', 'Shamma']) {
      expect(known(n), n).toBe(true);
    }
    for (const table of Object.values(GROUP_TABLES)) {
      for (const g of groupLines(table)) for (const n of g) expect(isKnownGivenName(n), n).toBe(true);
    }
  });

  it('leaves out unknown words and typos too rare to be names of their own', () => {
    expect(isKnownGivenName('xqzv')).toBe(false);
    expect(isKnownGivenName('')).toBe(false);
    expect(givenNameGroups('xqzv')).toEqual([]);
    expect(areNameVariants('xqzv', 'xqzv')).toBe(false);
    expect(areNameVariants('bill', 'xqzv')).toBe(false);
    // "Joesph" is a frequent typo of Joseph (SSA lists it): known, it would make a typo a "disagree".
    expect(isKnownGivenName('joesph')).toBe(false);
    expect(isKnownGivenName('samual')).toBe(false);
  });

  it('answers from one parsed index: the same array for the same name, frozen', () => {
    const a = givenNameGroups('chris');
    expect(givenNameGroups('chris')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(givenNameGroups('xqzv')).toBe(givenNameGroups('qqqq'));
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
  });
});

describe('given-name data', () => {
  const tables: Record<string, string> = { ...GROUP_TABLES, KNOWN_NAMES: DATA.KNOWN_NAMES };

  it('holds only folded one-word names (as normalizeName folds them)', () => {
    for (const [name, table] of Object.entries(tables)) {
      for (const word of table.split(/\s+/)) {
        if (word.length === 0) continue;
        expect(word, `${name}: ${word}`).toBe(normalizeName(word));
        expect(word.includes(' '), `${name}: ${word}`).toBe(false);
      }
    }
  });

  it('is one group a line, no name twice in a group, no known name twice', () => {
    for (const [name, table] of Object.entries(GROUP_TABLES)) {
      for (const g of groupLines(table)) {
        expect(g.length, `${name}: ${g.join(' ')}`).toBeGreaterThanOrEqual(2);
        expect(new Set(g).size, `${name}: ${g.join(' ')}`).toBe(g.length);
      }
    }
    const knownOnly = DATA.KNOWN_NAMES.split(/\s+/).filter(Boolean);
    expect(new Set(knownOnly).size).toBe(knownOnly.length);
  });

  it('has the sizes it was built for', () => {
    const groups = Object.values(GROUP_TABLES).reduce((n, t) => n + groupLines(t).length, 0);
    expect(groups).toBeGreaterThan(2000);
    expect(groupLines(DATA.ARABIC_GROUPS).length).toBeGreaterThanOrEqual(150);
    const all = new Set(Object.values(tables).flatMap((t) => t.split(/\s+/).filter(Boolean)));
    expect(all.size).toBeGreaterThan(5000);
    const bytes = Object.values(tables).reduce((n, t) => n + Buffer.byteLength(t), 0);
    expect(bytes).toBeLessThan(150_000);
  });
});

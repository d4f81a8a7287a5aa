import fc from 'fast-check';

// Small pools so random records collide often: shared emails, phones, logins, family phones, junk.
// Shared by the batch and incremental property tests so both draw the same kind of records.
export const FIRST = ['Ahmed', 'Sara', 'Omar', 'Layla', 'Mohammed', 'Muhammad', 'Mohd', 'William', 'Bill', 'J.', ''];
export const LAST = ['Khan', 'Haddad', 'Al Otaibi', 'Alotaibi', ''];
/** Dates of birth: equal, swapped, partial, conflicting, unreadable. */
export const DOB = ['1984-03-07', '07/03/1984', '03/07/1984', '1984', '1991-11-20', 'n/a'];
export const EMAILS = ['a.b@gmail.com', 'ab+x@googlemail.com', 'c@example.com', 'C@Example.com ', 'd@gmial.com', 'd@gmail.com', 'test@test.com', 'e@outlook.com'];
export const PHONES = ['+971 50 123 4567', '0501234567', '+971 55 765 4321', '00971557654321', '+966 55 123 4567', '0000000000', '+44 7700 900123'];
export const LOGINS = ['alice', 'ALICE', 'bob', 'carol'];
export const HANDLES = ['@nour', 'instagram.com/nour', '@sam_x'];
export const LOYALTY = ['L1', 'L2', 'L3'];
/** A record without its id. */
export const contentArb = fc.record(
  {
    source: fc.constantFrom('share-app', 'pos', 'vox-cinemas', 'mall-wifi'),
    updatedAt: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }).map((t) => new Date(t).toISOString()),
    emails: fc.subarray(EMAILS, { maxLength: 2 }),
    phones: fc.subarray(PHONES, { maxLength: 2 }),
    logins: fc.subarray(LOGINS, { maxLength: 1 }),
    handles: fc.subarray(HANDLES, { maxLength: 1 }).map((hs) => hs.map((handle) => ({ platform: 'instagram', handle }))),
    externalIds: fc.subarray(LOYALTY, { maxLength: 1 }).map((vs) => vs.map((value) => ({ namespace: 'loyalty', value }))),
    firstName: fc.constantFrom(...FIRST),
    lastName: fc.constantFrom(...LAST),
    dateOfBirth: fc.constantFrom(...DOB),
    city: fc.constantFrom('Dubai', 'Riyadh', 'Doha'),
    attributes: fc.record({ mall: fc.constantFrom('MoE', 'City Centre', 'Galleria') }),
  },
  { requiredKeys: ['source'] },
);


import { describe, expect, test } from 'vitest';
import { checkColumns, type InputColumns } from './checkColumns.js';
import { columnRoles } from './columnRoles.js';

const csv = (file: string, ...columns: string[]): InputColumns => ({ file, format: 'csv', columns });

describe('columnRoles', () => {
  test('header names match case-, space- and underscore-insensitively', () => {
    const roles = columnRoles({});
    for (const h of ['Email', ' email ', 'EMAIL']) expect(roles.roleOf(h)?.name).toBe('email');
    for (const h of ['First Name', 'first_name', 'FirstName', 'firstName']) expect(roles.roleOf(h)?.name).toBe('first_name');
    expect(roles.roleOf('Updated At')?.name).toBe('updated_at');
    expect(roles.roleOf('favourite mall')).toBeUndefined();
    for (const h of ['date_of_birth', 'Date Of Birth', 'DOB', 'dateOfBirth']) expect(roles.roleOf(h)?.scope).toBe('dateOfBirth');
    for (const h of ['City', 'postcode', 'Gender', 'country', 'address']) expect(roles.roleOf(h)?.code).toBe(roles.roleOf('city')?.code);
  });

  test('several input columns for one field; a renamed field is an attribute under its own name', () => {
    const roles = columnRoles({ columns: { email: ['E-mail', 'Work Email'] }, externalIds: { 'Loyalty ID': 'loyalty' } });
    expect(roles.roleOf('e-mail')?.name).toBe('email');
    expect(roles.roleOf('work_email')?.name).toBe('email');
    expect(roles.roleOf('email')).toBeUndefined();
    expect(roles.roleOf('loyalty_id')).toMatchObject({ name: 'Loyalty ID', scope: 'loyalty' });
    expect(roles.expected.map((e) => e.where)).toEqual(['columns.email', 'columns.email', 'externalIds.Loyalty ID']);
  });
});

describe('checkColumns: misconfiguration is loud', () => {
  // Regression (#14): a mapped column absent from the file ran to exit 0 with a 4.3% reduction.
  test('a mapped column that no input has is a config error naming it and the columns found', () => {
    const roles = columnRoles({ columns: { email: 'E-mail Addr' } });
    expect(() => checkColumns(roles, [csv('a.csv', 'id', 'Email Address')])).toThrow(
      'columns.email: no input has a column "E-mail Addr" (a.csv: columns: "id", "Email Address")',
    );
  });

  test('an external-id column absent from every input is an error; from some inputs, a warning per input', () => {
    const roles = columnRoles({ externalIds: { loyalty_id: 'loyalty' } });
    expect(() => checkColumns(roles, [csv('wifi.csv', 'id', 'email')])).toThrow(/externalIds\.loyalty_id: no input has a column "loyalty_id"/);
    expect(checkColumns(roles, [csv('crm.csv', 'id', 'email', 'Loyalty ID'), csv('wifi.csv', 'id', 'email')])).toEqual([
      'wifi.csv: no column "loyalty_id" (externalIds.loyalty_id); its rows are read without it',
    ]);
  });

  // Regression (#14): headers id,Email,Mobile recognised no identifier; every record became its own profile.
  test('an input without any identifier column is an error; Email is recognised', () => {
    const roles = columnRoles({});
    expect(() => checkColumns(roles, [csv('a.csv', 'id', 'Name', 'Mobile')])).toThrow(/a\.csv: no identifier column .*\(columns: "id", "Name", "Mobile"\)/);
    expect(checkColumns(roles, [csv('a.csv', 'id', 'Email', 'Mobile')])).toEqual([]);
  });

  test('the first row of a headerless file is not printed', () => {
    const roles = columnRoles({ columns: { email: 'mail' } });
    let message = '';
    try {
      checkColumns(roles, [csv('a.csv', 'c1', 'ann@corp.ae', '+971501234567')]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/3 columns, none recognised; the first row may be data/);
    expect(message).not.toMatch(/ann@corp|971501234567/);
  });

  test('a headerless first row of names and places is not printed either', () => {
    expect(() => checkColumns(columnRoles({}), [csv('h.csv', 'John Smith', 'Dubai Marina')])).toThrow(/^(?!.*John Smith).*2 columns, none recognised/s);
  });

  test('a CSV without its id column is unreadable (input_invalid)', () => {
    expect(() => checkColumns(columnRoles({}), [csv('a.csv', 'email')])).toThrow(expect.objectContaining({ code: 'input_invalid' }));
    expect(checkColumns(columnRoles({}), [csv('a.csv', 'ID', 'E mail')].map((i) => ({ ...i, columns: ['ID', 'Email'] })))).toEqual([]);
  });
});

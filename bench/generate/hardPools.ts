/**
 * Reference pools of the hard profile's traps: nicknames, look-alike first names, extra first names, multi-word
 * surnames, streets, offices. Plain data, no logic beyond lookups (see hard.ts).
 */

/** Nicknames and short forms a person writes on some records (Arabic, South-Asian, Filipino, Western). */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Mohammed: ['Mohd', 'Md', 'Md.', "Moh'd", 'Hamoudi'],
  Abdullah: ['Abdo', 'Abboud'],
  Abdulrahman: ['Abdul', 'Aboudi'],
  Hamad: ['Hamoud'],
  Fatima: ['Fatoom', 'Tima'],
  Maria: ['Ma.', 'Ma', 'Mia'],
  Jose: ['Jojo', 'Pepe'],
  Ramon: ['Mon', 'Monching'],
  Paolo: ['Pao'],
  Anjali: ['Anju'],
  Deepa: ['Deepu'],
  Vikram: ['Vicky'],
  Venkatesh: ['Venky'],
  Rajesh: ['Raju'],
  William: ['Bill', 'Will', 'Billy'],
  Robert: ['Bob', 'Rob', 'Bobby'],
  Richard: ['Rick', 'Rich'],
  Elizabeth: ['Liz', 'Beth', 'Eliza'],
  Margaret: ['Maggie', 'Peggy'],
  Katherine: ['Kate', 'Kathy'],
  John: ['Johnny', 'Jack'],
  Michael: ['Mike'],
  James: ['Jim', 'Jimmy'],
  Daniel: ['Dan', 'Danny'],
  Joseph: ['Joe', 'Jojo'],
  Thomas: ['Tom', 'Tommy'],
  David: ['Dave'],
  Jessica: ['Jess'],
  Elena: ['Lena'],
  Sergei: ['Seryozha'],
  Ivan: ['Vanya'],
};

/** First names added to the pools for a share of persons (drawn from the hard profile's own stream). */
export const EXTRA_FIRST_MALE: readonly string[] = [
  'William', 'Robert', 'Richard', 'Carl', 'Jorge', 'Abdulrahman', 'Venkatesh', 'Rajesh', 'Peter', 'Marco',
];
export const EXTRA_FIRST_FEMALE: readonly string[] = [
  'Elizabeth', 'Margaret', 'Katherine', 'Carol', 'Diana', 'Dana', 'Amna', 'Cristina', 'Rosario', 'Lakshmi',
];

/**
 * Look-alike first names (one or two edits apart) of unrelated persons who end up on one phone or email:
 * [name, male, look-alike, male].
 */
export const LOOKALIKE_NAMES: readonly (readonly [string, boolean, string, boolean])[] = [
  ['Carl', true, 'Carol', false],
  ['Dana', false, 'Diana', false],
  ['Jorge', true, 'Jorg', true],
  ['Sara', false, 'Sarah', false],
  ['Sara', false, 'Sana', false],
  ['Dina', false, 'Dena', false],
  ['Lina', false, 'Lena', false],
  ['Maria', false, 'Mario', true],
  ['Maria', false, 'Marie', false],
  ['Mark', true, 'Marc', true],
  ['Omar', true, 'Omer', true],
  ['Omar', true, 'Umar', true],
  ['Ali', true, 'Alia', false],
  ['Rania', false, 'Rana', false],
  ['Hala', false, 'Hana', false],
  ['Anna', false, 'Anne', false],
  ['Ryan', true, 'Rayan', true],
  ['Adel', true, 'Adil', true],
  ['Karim', true, 'Karima', false],
  ['Daniel', true, 'Daniela', false],
  ['Nadia', false, 'Nadya', false],
  ['Reem', false, 'Rima', false],
  ['Amna', false, 'Amina', false],
  ['Ivan', true, 'Ivana', false],
  ['Jose', true, 'Josie', false],
  ['Imran', true, 'Imraan', true],
];

/** Surnames of several words, where "Last, First" and first/last splitting go wrong. */
export const MULTI_WORD_SURNAMES: readonly string[] = [
  'Van Dyke', 'Van der Berg', 'bin Rashid', 'bin Saeed', 'bint Khalid', 'Abu Bakr', 'Abdul Rahman', 'De la Cruz',
  'dela Cruz', 'De Souza', 'Dos Santos', 'Del Rosario', 'De Leon', 'El Masri', 'Abou Zeid', 'Da Silva',
];

/** Streets (name, type) of the generated addresses. */
export const STREETS: readonly (readonly [string, string])[] = [
  ['Al Wasl', 'Road'], ['Sheikh Zayed', 'Road'], ['Jumeirah Beach', 'Road'], ['Al Khail', 'Road'],
  ['Al Maktoum', 'Street'], ['Baniyas', 'Street'], ['Al Rigga', 'Street'], ['Al Muraqqabat', 'Street'],
  ['Hamdan', 'Street'], ['Corniche', 'Road'], ['King Fahd', 'Road'], ['Tahlia', 'Street'], ['Electra', 'Street'],
  ['Airport', 'Road'], ['Al Satwa', 'Road'], ['Kuwait', 'Street'], ['Palm', 'Avenue'], ['Al Seef', 'Street'],
  ['Umm Hurair', 'Road'], ['Oud Metha', 'Road'], ['Al Nahda', 'Street'], ['Al Qusais', 'Street'],
  ['Al Barsha', 'Avenue'], ['Mohammed Bin Rashid', 'Boulevard'], ['Khalifa', 'Street'], ['Salam', 'Street'],
  ['Al Ittihad', 'Road'], ['Olaya', 'Street'], ['Prince Sultan', 'Road'], ['Al Sadd', 'Street'],
];

/** How a street type is abbreviated. */
export const STREET_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  Street: ['St', 'St.', 'Str'],
  Road: ['Rd', 'Rd.'],
  Avenue: ['Ave', 'Av.'],
  Boulevard: ['Blvd', 'Blvd.'],
};

/** Companies whose shared mailbox and switchboard phone end up on their employees' records. */
export const OFFICE_COMPANIES: readonly string[] = [
  'gulfsteel', 'alnoortrading', 'desertbuild', 'emiratesfreight', 'creekconsulting', 'falconlogistics',
  'palmventures', 'souqsystems', 'oasisengineering', 'marinamedia', 'dunesfinance', 'pearltech',
  'horizoncontracting', 'saharamotors', 'crescentlegal', 'azurehealthcare',
];
const OFFICE_LOCALS = ['office', 'admin', 'accounts', 'hr', 'sales', 'operations'];

/**
 * The o-th office mailbox (`admin@gulfsteel.ae`), distinct for distinct o; person addresses end in a tag on mail
 * domains and front desks are hotels, so these equal neither.
 */
export function officeEmailOf(o: number): string {
  const company = OFFICE_COMPANIES[o % OFFICE_COMPANIES.length]!;
  const round = Math.floor(o / OFFICE_COMPANIES.length);
  const suffix = round >= OFFICE_LOCALS.length ? String(Math.floor(round / OFFICE_LOCALS.length)) : '';
  return `${OFFICE_LOCALS[round % OFFICE_LOCALS.length]}@${company}${suffix}.ae`;
}

/**
 * The o-th office phone: a Dubai landline `+971 4 2xx xxxx`, distinct for distinct o < 10,000; front desks are
 * `+971 4 3xx xxxx` and person phones are mobiles, so these equal neither.
 */
export function officePhoneNational(o: number): string {
  if (o >= 10_000) throw new RangeError('officePhoneNational: at most 10,000 offices');
  return `42${String(100_000 + o * 89)}`;
}

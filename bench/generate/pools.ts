/**
 * Reference pools of the generated data: names, mail domains, cities, junk placeholders and the shared
 * front-desk identifiers. Plain data, no logic beyond lookups.
 */

export const FIRST_MALE: readonly string[] = [
  'Mohammed', 'Ahmed', 'Ali', 'Omar', 'Khalid', 'Yousef', 'Hassan', 'Abdullah', 'Ibrahim', 'Tariq', 'Rashid',
  'Saeed', 'Faisal', 'Hamad', 'Sultan', 'Majid', 'Nasser', 'Adel', 'Karim', 'Ziad', 'Mahmoud', 'Mustafa', 'Hamza',
  'Rahul', 'Arjun', 'Vikram', 'Imran', 'Bilal', 'Usman', 'Jose', 'Mark', 'John', 'David', 'Michael', 'James',
  'Daniel', 'Ryan', 'Joseph', 'Thomas', 'Paolo', 'Ramon', 'Sergei', 'Ivan',
];

export const FIRST_FEMALE: readonly string[] = [
  'Fatima', 'Aisha', 'Mariam', 'Noura', 'Layla', 'Sara', 'Huda', 'Reem', 'Amal', 'Hessa', 'Shaikha', 'Maha',
  'Dina', 'Rania', 'Salma', 'Nadia', 'Lina', 'Yasmin', 'Hala', 'Priya', 'Anjali', 'Deepa', 'Ayesha', 'Sana',
  'Zainab', 'Maria', 'Grace', 'Joy', 'Emma', 'Sophie', 'Olivia', 'Anna', 'Elena', 'Chloe', 'Jessica',
];

export const LAST_NAMES: readonly string[] = [
  'Al Mansouri', 'Al Hashimi', 'Al Qasimi', 'Al Shamsi', 'Al Suwaidi', 'Al Falasi', 'Al Nuaimi', 'Al Zaabi',
  'Al Ketbi', 'Al Mazrouei', 'Al Otaibi', 'Al Harbi', 'Al Sabah', 'Al Thani', 'Khan', 'Haddad', 'Saleh', 'Rahman',
  'Nasser', 'Aziz', 'Farouk', 'Hamdan', 'Hussain', 'Qureshi', 'Ibrahim', 'Youssef', 'El Sayed', 'Mostafa', 'Mahmoud',
  'Darwish', 'Karam', 'Obeid', 'Sharma', 'Patel', 'Nair', 'Kapoor', 'Menon', 'Iyer', 'Pillai', 'Siddiqui', 'Malik',
  'Santos', 'Reyes', 'Cruz', 'Garcia', 'Mendoza', 'Smith', 'Brown', 'Wilson', 'Taylor', 'Walker', 'Ivanov',
];

/** Transliteration and case variants: one person is written differently by different sources. */
export const NAME_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  Mohammed: ['Mohamed', 'Muhammad', 'Mohammad', 'Mohamad', 'Muhammed'],
  Ahmed: ['Ahmad'],
  Yousef: ['Yusuf', 'Youssef', 'Yousif'],
  Mustafa: ['Mostafa', 'Moustafa'],
  Hamza: ['Hamzah'],
  Fatima: ['Fatma', 'Fatimah'],
  Aisha: ['Aysha', 'Ayesha'],
  Mariam: ['Maryam', 'Miriam'],
  Noura: ['Nora', 'Nourah'],
  Hassan: ['Hasan'],
  Khalid: ['Khaled'],
  Saeed: ['Said', 'Saied'],
  Yasmin: ['Yasmeen', 'Jasmine'],
};

/** Arabic-script forms of common names (a few % of records of these persons are written in Arabic). */
export const ARABIC_NAMES: Readonly<Record<string, string>> = {
  Mohammed: 'محمد', Ahmed: 'أحمد', Ali: 'علي', Omar: 'عمر', Khalid: 'خالد', Yousef: 'يوسف', Hassan: 'حسن',
  Abdullah: 'عبدالله', Ibrahim: 'إبراهيم', Saeed: 'سعيد', Sultan: 'سلطان', Majid: 'ماجد', Fatima: 'فاطمة',
  Aisha: 'عائشة', Mariam: 'مريم', Noura: 'نورة', Layla: 'ليلى', Sara: 'سارة', Huda: 'هدى', Reem: 'ريم',
  'Al Mansouri': 'المنصوري', 'Al Hashimi': 'الهاشمي', 'Al Shamsi': 'الشامسي', 'Al Suwaidi': 'السويدي',
  'Al Falasi': 'الفلاسي', Haddad: 'حداد', Saleh: 'صالح', Hamdan: 'حمدان',
};

/** Mail domains of persons' own addresses, with weights (sum 1). */
export const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 0.42], ['hotmail.com', 0.15], ['yahoo.com', 0.1], ['outlook.com', 0.1], ['icloud.com', 0.06],
  ['live.com', 0.03], ['emirates.net.ae', 0.04], ['eim.ae', 0.02], ['mail.ru', 0.02], ['protonmail.com', 0.01],
  ['maf.ae', 0.02], ['adnoc.ae', 0.015], ['emiratesnbd.com', 0.015],
];

/** Domain typos people make, by the domain they meant (each one or two edits away). */
export const DOMAIN_TYPOS: Readonly<Record<string, readonly string[]>> = {
  'gmail.com': ['gmial.com', 'gmai.com', 'gmaill.com', 'gamil.com'],
  'hotmail.com': ['hotmial.com', 'hotmal.com', 'hotmaill.com'],
  'yahoo.com': ['yaho.com', 'yahooo.com'],
  'outlook.com': ['outlok.com', 'outllook.com'],
  'icloud.com': ['iclod.com', 'icoud.com'],
};

/** `+tag` sub-addresses people add at sign-up (only written for providers that deliver them to the same box). */
export const PLUS_TAGS: readonly string[] = ['promo', 'vox', 'shop', 'news', 'maf', 'deals'];
export const PLUS_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com']);

export const CITIES: readonly string[] = [
  'Dubai', 'Abu Dhabi', 'Sharjah', 'Ajman', 'Al Ain', 'Ras Al Khaimah', 'Riyadh', 'Jeddah', 'Doha', 'Muscat',
  'Manama', 'Kuwait City', 'Cairo', 'Beirut',
];

/**
 * Placeholder values typed into required fields; each is on idweave's built-in junk list (a test checks that
 * every one normalizes to a failure). They are shared by unrelated persons.
 */
export const JUNK_EMAILS: readonly string[] = ['test@test.com', 'none@none.com', 'noemail@noemail.com', 'n/a', 'null', 'a@a.com'];
export const JUNK_PHONES: readonly string[] = ['0000000000', '1234567890', 'n/a', 'null', '+971500000000', '-'];

/** Businesses whose front-desk phone or generic mailbox ends up on many customers' records. */
export const FRONT_DESKS: readonly string[] = [
  'desertpalmhotel', 'marinaviewsuites', 'goldsandsresort', 'creekside-inn', 'oasistravel', 'skylinetours',
  'pearlbayhotel', 'citycentrestay', 'falconconcierge', 'dunesholidays',
];
const GENERIC_LOCALS = ['info', 'frontdesk', 'reservations', 'contact', 'concierge'];

/**
 * The g-th generic email, `info@desertpalmhotel.ae` and so on; distinct for distinct g. Person addresses end in a
 * 7-character tag starting with 0 or 1 on other domains, so these never equal a person's address.
 */
export function genericEmailOf(g: number): string {
  const desk = FRONT_DESKS[g % FRONT_DESKS.length]!;
  const round = Math.floor(g / FRONT_DESKS.length);
  return `${GENERIC_LOCALS[round % GENERIC_LOCALS.length]}@${desk}${round >= GENERIC_LOCALS.length ? round : ''}.ae`;
}

/**
 * The g-th generic phone: a Dubai landline (`+971 4 3xx xxxx`), distinct for distinct g < 8000; person phones are
 * mobiles, so these never equal a person's phone.
 */
export function genericPhoneNational(g: number): string {
  return `43${String(120_000 + g * 97).padStart(6, '0')}`;
}

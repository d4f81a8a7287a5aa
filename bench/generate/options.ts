/**
 * The generator's knobs (every one documented with its default in docs/benchmarks.md, "Generator").
 */

/** Knob presets: `default` (the data of every result so far) and `hard` (the traps of real customer data on top). */
export type Profile = 'default' | 'hard';
export const PROFILES: readonly Profile[] = ['default', 'hard'];

export interface GenerateOptions {
  /** The preset the knobs started from (meta.json records it; every knob can still be set on its own). */
  readonly profile: Profile;
  /** Records to write (exactly). */
  readonly records: number;
  readonly seed: number;
  /** Mean records per person; counts are 1 + a geometric tail (many 1s, a few 10+). */
  readonly recordsPerPerson: number;
  /** Cap on records of one person. */
  readonly maxRecordsPerPerson: number;
  /** Share of persons with a second email / a second phone. */
  readonly secondEmailRate: number;
  readonly secondPhoneRate: number;
  /** Share of persons with a loyalty id / a login / each social handle / a WhatsApp number they give. */
  readonly loyaltyRate: number;
  readonly loginRate: number;
  readonly instagramRate: number;
  readonly twitterRate: number;
  readonly tiktokRate: number;
  readonly facebookRate: number;
  readonly whatsappRate: number;
  /** Share of persons who share their household phone with one other person (same last name). */
  readonly familyRate: number;
  /** Share of records with a junk placeholder in the email or phone cell. */
  readonly junkRate: number;
  /** Share of records with no identifier at all. */
  readonly incompleteRate: number;
  /** Share of email cells whose domain is typo'd (`gmial.com`). */
  readonly typoRate: number;
  /** Share of Gmail cells written as a variant (dots moved or dropped, `+tag`, googlemail.com). */
  readonly gmailVariantRate: number;
  /** Share of email / handle cells with case noise, and of identifier cells with stray whitespace. */
  readonly caseNoiseRate: number;
  readonly whitespaceRate: number;
  /** Share of records written with a transliteration variant of the first name / in Arabic script / first and last swapped. */
  readonly nameVariantRate: number;
  readonly arabicNameRate: number;
  readonly nameSwapRate: number;
  /** Front-desk phones per million records, and records on each (scaled down for small runs). */
  readonly genericPhonesPerMillion: number;
  readonly genericPhoneRecords: number;
  /** Generic mailboxes (`info@hotel.ae`) per million records, and records on each. */
  readonly genericEmailsPerMillion: number;
  readonly genericEmailRecords: number;
  /** Shuffle block: records of at least this many consecutive records' persons are emitted in random order. */
  readonly shuffleBlockRecords: number;

  // Attribute columns and traps of real customer data (0 in the default profile, set by `--profile hard`). Their
  // randomness comes from a second PRNG stream, so the default stream (and output) does not move.
  /** Share of records with a `date_of_birth` cell (spread over sources by their birth-year coverage). */
  readonly dobRate: number;
  /** Of date-of-birth cells whose day is ≤ 12 (and ≠ month): day and month swapped. */
  readonly dobSwapRate: number;
  /** Share of date-of-birth cells with one digit wrong / holding only the year. */
  readonly dobTypoRate: number;
  readonly dobYearOnlyRate: number;
  /** Share of gender cells written as a word (`male`, `Female`, `MALE`) / with the wrong gender. */
  readonly genderWordRate: number;
  readonly genderErrorRate: number;
  /** Share of records with an `address` cell (house number + street) / a `postcode` cell. */
  readonly addressRate: number;
  readonly postcodeRate: number;
  /** Share of address cells with the street type abbreviated (`St`, `Rd.`) / a typo in the street name. */
  readonly addressAbbrevRate: number;
  readonly addressTypoRate: number;
  /** Share of persons who moved, and share of a mover's records that carry the older address (city, postcode). */
  readonly movedRate: number;
  readonly oldAddressShare: number;
  /** Share of persons whose primary phone is a recycled number of an earlier, unrelated person with the same or a similar first name. */
  readonly sharedPhoneRate: number;
  /** Share of persons who type an earlier, unrelated same- or similar-named person's email on some records. */
  readonly sharedEmailRate: number;
  /** Share of persons in a household of 2–5 (same last name, other first names) sharing one email. */
  readonly householdEmailRate: number;
  /** Office mailboxes + office phones per million records, persons per office, and most records on each value. */
  readonly officesPerMillion: number;
  readonly officeMinPersons: number;
  readonly officeMaxPersons: number;
  readonly officeMaxRecords: number;
  /** Share of name-bearing records writing a nickname (persons with one) / an initial for the first name. */
  readonly nicknameRate: number;
  readonly initialRate: number;
  /** Share of name-bearing records with two adjacent letters of a name swapped (`Anma`). */
  readonly letterSwapRate: number;
  /** Share of name-bearing records written as `full_name` "Last, First". */
  readonly reversedNameRate: number;
  /** Share of persons with a first name from the extra pool (William, Carl, Elizabeth, …) / a multi-word surname (Van Dyke, bin Rashid). */
  readonly extraFirstNameRate: number;
  readonly multiWordSurnameRate: number;
  /** Share of person phone cells with the country code in brackets (`(+971) 50 123 4567`, `(971) 50 123 4567`). */
  readonly bracketPhoneRate: number;
}

export const DEFAULT_OPTIONS: Omit<GenerateOptions, 'records' | 'seed'> = {
  profile: 'default',
  recordsPerPerson: 2.5,
  maxRecordsPerPerson: 25,
  secondEmailRate: 0.2,
  secondPhoneRate: 0.15,
  loyaltyRate: 0.6,
  loginRate: 0.4,
  instagramRate: 0.3,
  twitterRate: 0.1,
  tiktokRate: 0.15,
  facebookRate: 0.12,
  whatsappRate: 0.3,
  familyRate: 0.03,
  junkRate: 0.02,
  incompleteRate: 0.03,
  typoRate: 0.005,
  gmailVariantRate: 0.3,
  caseNoiseRate: 0.25,
  whitespaceRate: 0.05,
  nameVariantRate: 0.3,
  arabicNameRate: 0.03,
  nameSwapRate: 0.01,
  genericPhonesPerMillion: 5,
  genericPhoneRecords: 300,
  genericEmailsPerMillion: 5,
  genericEmailRecords: 100,
  shuffleBlockRecords: 1 << 16,
  dobRate: 0,
  dobSwapRate: 0,
  dobTypoRate: 0,
  dobYearOnlyRate: 0,
  genderWordRate: 0,
  genderErrorRate: 0,
  addressRate: 0,
  postcodeRate: 0,
  addressAbbrevRate: 0,
  addressTypoRate: 0,
  movedRate: 0,
  oldAddressShare: 0,
  sharedPhoneRate: 0,
  sharedEmailRate: 0,
  householdEmailRate: 0,
  officesPerMillion: 0,
  officeMinPersons: 10,
  officeMaxPersons: 40,
  officeMaxRecords: 95,
  nicknameRate: 0,
  initialRate: 0,
  letterSwapRate: 0,
  reversedNameRate: 0,
  extraFirstNameRate: 0,
  multiWordSurnameRate: 0,
  bracketPhoneRate: 0,
};

/** The `hard` profile: the default knobs plus these (docs/benchmarks.md, "Hard profile"). */
export const HARD_OPTIONS: Partial<GenerateOptions> = {
  profile: 'hard',
  dobRate: 0.35,
  dobSwapRate: 0.05,
  dobTypoRate: 0.02,
  dobYearOnlyRate: 0.08,
  genderWordRate: 0.4,
  genderErrorRate: 0.02,
  addressRate: 0.3,
  postcodeRate: 0.2,
  addressAbbrevRate: 0.35,
  addressTypoRate: 0.04,
  movedRate: 0.2,
  oldAddressShare: 0.35,
  sharedPhoneRate: 0.01,
  sharedEmailRate: 0.01,
  householdEmailRate: 0.04,
  officesPerMillion: 150,
  nicknameRate: 0.1,
  initialRate: 0.03,
  letterSwapRate: 0.02,
  reversedNameRate: 0.08,
  extraFirstNameRate: 0.06,
  multiWordSurnameRate: 0.1,
  bracketPhoneRate: 0.06,
};

/** Knobs a run starts from for a profile (before the caller's own). */
export function profileOptions(profile: Profile): Omit<GenerateOptions, 'records' | 'seed'> {
  if (profile === 'default') return DEFAULT_OPTIONS;
  if (profile === 'hard') return { ...DEFAULT_OPTIONS, ...HARD_OPTIONS };
  throw new RangeError(`unknown profile ${JSON.stringify(profile)} (${PROFILES.join(', ')})`);
}

/** Counts of every noise event injected (written to meta.json). */
export interface GenerateStats {
  persons: number;
  records: number;
  secondEmails: number;
  secondPhones: number;
  householdPairs: number;
  householdPhoneRecords: number;
  junkCells: number;
  incompleteRecords: number;
  genericPhones: number;
  genericPhoneRecords: number;
  genericEmails: number;
  genericEmailRecords: number;
  typoEmailCells: number;
  gmailVariantCells: number;
  plusTagCells: number;
  caseNoiseCells: number;
  whitespaceCells: number;
  localFormatPhones: number;
  handleUrlCells: number;
  multiValueCells: number;
  nameVariants: number;
  arabicNames: number;
  swappedNames: number;
  recordsWithoutNames: number;
  quotedFullNames: number;
  // Attribute columns and traps (all 0 in the default profile).
  dobCells: number;
  dobSwappedCells: number;
  dobTypoCells: number;
  dobYearOnlyCells: number;
  genderWordCells: number;
  genderWrongCells: number;
  addressCells: number;
  addressAbbreviatedCells: number;
  addressTypoCells: number;
  postcodeCells: number;
  movedPersons: number;
  oldAddressRecords: number;
  sharedPhonePairs: number;
  sharedPhoneRecords: number;
  sharedEmailPairs: number;
  sharedEmailRecords: number;
  sharedSameFirstNamePairs: number;
  sharedSimilarFirstNamePairs: number;
  emailHouseholds: number;
  emailHouseholdPersons: number;
  emailHouseholdRecords: number;
  offices: number;
  officePersons: number;
  officeSameFirstNamePersons: number;
  officeEmailRecords: number;
  officePhoneRecords: number;
  nicknameCells: number;
  initialCells: number;
  letterSwapCells: number;
  reversedFullNames: number;
  reversedMultiWordFullNames: number;
  extraFirstNamePersons: number;
  multiWordSurnamePersons: number;
  bracketPhoneCells: number;
}

export function emptyStats(): GenerateStats {
  return {
    persons: 0, records: 0, secondEmails: 0, secondPhones: 0, householdPairs: 0, householdPhoneRecords: 0, junkCells: 0,
    incompleteRecords: 0, genericPhones: 0, genericPhoneRecords: 0, genericEmails: 0, genericEmailRecords: 0,
    typoEmailCells: 0, gmailVariantCells: 0, plusTagCells: 0, caseNoiseCells: 0, whitespaceCells: 0,
    localFormatPhones: 0, handleUrlCells: 0, multiValueCells: 0, nameVariants: 0, arabicNames: 0, swappedNames: 0,
    recordsWithoutNames: 0, quotedFullNames: 0,
    dobCells: 0, dobSwappedCells: 0, dobTypoCells: 0, dobYearOnlyCells: 0, genderWordCells: 0, genderWrongCells: 0,
    addressCells: 0, addressAbbreviatedCells: 0, addressTypoCells: 0, postcodeCells: 0, movedPersons: 0,
    oldAddressRecords: 0, sharedPhonePairs: 0, sharedPhoneRecords: 0, sharedEmailPairs: 0, sharedEmailRecords: 0,
    sharedSameFirstNamePairs: 0, sharedSimilarFirstNamePairs: 0, emailHouseholds: 0, emailHouseholdPersons: 0,
    emailHouseholdRecords: 0, offices: 0, officePersons: 0, officeSameFirstNamePersons: 0, officeEmailRecords: 0,
    officePhoneRecords: 0, nicknameCells: 0, initialCells: 0, letterSwapCells: 0, reversedFullNames: 0,
    reversedMultiWordFullNames: 0, extraFirstNamePersons: 0, multiWordSurnamePersons: 0, bracketPhoneCells: 0,
  };
}

/**
 * The generator's knobs (every one documented with its default in docs/benchmarks.md, "Generator").
 */
export interface GenerateOptions {
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
}

export const DEFAULT_OPTIONS: Omit<GenerateOptions, 'records' | 'seed'> = {
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
};

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
}

export function emptyStats(): GenerateStats {
  return {
    persons: 0, records: 0, secondEmails: 0, secondPhones: 0, householdPairs: 0, householdPhoneRecords: 0, junkCells: 0,
    incompleteRecords: 0, genericPhones: 0, genericPhoneRecords: 0, genericEmails: 0, genericEmailRecords: 0,
    typoEmailCells: 0, gmailVariantCells: 0, plusTagCells: 0, caseNoiseCells: 0, whitespaceCells: 0,
    localFormatPhones: 0, handleUrlCells: 0, multiValueCells: 0, nameVariants: 0, arabicNames: 0, swappedNames: 0,
    recordsWithoutNames: 0, quotedFullNames: 0,
  };
}

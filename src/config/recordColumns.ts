// Apart from the config schema: readers on worker threads need the names, not zod (~50 ms of each worker's start).

/**
 * The input columns idweave understands (spec §1), by their canonical names. `x` is an alias of `twitter`.
 * A config's `columns` maps these names to the names used by an input file.
 */
export const RECORD_COLUMNS = [
  'id',
  'source',
  'updated_at',
  'email',
  'phone',
  'login',
  'first_name',
  'last_name',
  'full_name',
  'instagram',
  'twitter',
  'x',
  'facebook',
  'tiktok',
  'snapchat',
  'linkedin',
  'youtube',
  'telegram',
  'whatsapp',
  'date_of_birth',
  'dob',
  'birth_year',
  'year_of_birth',
  'gender',
  'address',
  'city',
  'postcode',
  'country',
] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

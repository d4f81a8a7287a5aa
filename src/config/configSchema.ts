import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { foldColumnName } from '../_internal/foldColumnName.js';
import { PERSON_FIELD_COLUMNS } from '../_internal/nameFields.js';
import type { ResolveOptions } from './ResolveOptions.js';
import { RECORD_COLUMNS, type RecordColumn } from './recordColumns.js';

export { RECORD_COLUMNS, type RecordColumn } from './recordColumns.js';

const IDENTIFIER_KINDS = ['email', 'phone', 'login', 'handle', 'externalId', 'any'] as const;
const SURVIVORSHIP_RULES = ['mostRecent', 'mostFrequent', 'sourcePriority', 'mostComplete', 'firstValid'] as const;

const positiveInt = z.int({ error: 'expected a positive integer' }).positive({ error: 'expected a positive integer' });
const nonEmpty = z.string({ error: 'expected a string' }).trim().min(1, { error: 'expected a non-empty string' });
const stringList = z.array(z.string({ error: 'expected a string' }), { error: 'expected an array of strings' });

/** A regular expression source; compiled here once so a bad pattern fails at load time, not mid-run. */
const patternSource = z.string({ error: 'expected a regular expression string' }).superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(e as Error).message}` });
  }
});

const junkSchema = z.strictObject({
  values: z.partialRecord(z.enum(IDENTIFIER_KINDS), stringList).optional(),
  patterns: z.partialRecord(z.enum(IDENTIFIER_KINDS), z.array(patternSource, { error: 'expected an array of regular expressions' })).optional(),
});

const ruleSchema = z.enum(SURVIVORSHIP_RULES, { error: `expected one of ${SURVIVORSHIP_RULES.join(', ')}` });

const guardsSchema = z.strictObject({
  generic: z
    .union([z.literal(false), z.strictObject({ maxRecords: positiveInt.optional(), maxDistinctIdentifiers: positiveInt.optional() })], {
      error: 'expected false or { maxRecords?, maxDistinctIdentifiers? }',
    })
    .optional(),
  exclusive: z
    .union([z.literal(false), z.strictObject({ kinds: z.array(z.enum(['login', 'externalId', 'handle'], { error: 'expected login, externalId or handle' })).optional() })], {
      error: 'expected false or { kinds? }',
    })
    .optional(),
  shareable: z
    .union(
      [
        z.literal(false),
        z.strictObject({
          kinds: z.array(z.enum(['phone', 'email'], { error: 'expected phone or email' })).optional(),
          minNameSimilarity: z.number({ error: 'expected a number between 0 and 1' }).min(0, { error: 'expected a number between 0 and 1' }).max(1, { error: 'expected a number between 0 and 1' }).optional(),
        }),
      ],
      { error: 'expected false or { kinds?, minNameSimilarity? }' },
    )
    .optional(),
  maxClusterSize: z.union([z.literal(false), positiveInt], { error: 'expected false or a positive integer' }).optional(),
});

const recordId = z.string({ error: 'expected a record id' }).min(1, { error: 'expected a non-empty record id' });

/** One steward override (`ResolveOptions.overrides`); also what `resolver.override()` checks. */
export const overrideSchema = z
  .strictObject({
    recordA: recordId,
    recordB: recordId,
    rule: z.enum(['never', 'always'], { error: 'expected "never" or "always"' }),
  })
  // A record is always in its own profile: `always` would say nothing, `never` the impossible. Either is a
  // steward's slip worth stopping for, not a rule to guess at.
  .refine((o) => o.recordA !== o.recordB, { error: 'recordA and recordB are the same record', path: ['recordB'] });

/** The `ResolveOptions` part of a config: what the library itself accepts (validated by `parseResolveOptions`). */
export const resolveOptionsSchema = z.strictObject({
  defaultRegion: z
    .string({ error: 'expected a 2-letter region code such as "AE"' })
    .regex(/^[A-Za-z]{2}$/, { error: 'expected a 2-letter region code such as "AE"' })
    .transform((s) => s.toUpperCase())
    // A region the phone metadata does not know would make every national number invalid.
    .refine((s): boolean => isSupportedCountry(s), { error: (issue) => `"${String(issue.input)}" is not a region with phone numbering known to libphonenumber-js (e.g. AE, SA, GB, US)` })
    .optional(),
  junk: junkSchema.optional(),
  loginNamespace: z.enum(['global', 'source'], { error: 'expected "global" or "source"' }).optional(),
  guards: guardsSchema.optional(),
  fuzzy: z.union([z.literal(false), z.strictObject({ emailDomainTypos: z.boolean({ error: 'expected true or false' }).optional() })], { error: 'expected false or { emailDomainTypos? }' }).optional(),
  survivorship: z
    .strictObject({
      default: ruleSchema.optional(),
      /** Field → rule; name fields in either spelling (`firstName` or `first_name`, as in outputs). */
      fields: z
        .record(z.string(), ruleSchema)
        .superRefine((fields, ctx) => {
          for (const [field, column] of PERSON_FIELD_COLUMNS) {
            if (field === column) continue;
            if (Object.hasOwn(fields, field) && Object.hasOwn(fields, column) && fields[field] !== fields[column]) {
              ctx.addIssue({ code: 'custom', path: [column], message: `"${column}" and "${field}" are the same field, with different rules` });
            }
          }
        })
        .optional(),
      sourcePriority: z.array(nonEmpty, { error: 'expected an array of source names' }).optional(),
    })
    .optional(),
  /** Repeats are harmless (applied once); a pair given both rules is a contradiction, and never wins. */
  overrides: z.array(overrideSchema, { error: 'expected an array of { recordA, recordB, rule }' }).optional(),
});

/**
 * The config file of the CLI and `resolveFiles` (spec §5): every `ResolveOptions` field plus how to read input
 * files. Unknown keys are errors, so a misspelt option never silently falls back to its default.
 */
export const configSchema = resolveOptionsSchema
  .extend({
    /**
     * Our column name → the input's column name(s), e.g. `{ "email": ["Email", "Work Email"], "id": "customer_no" }`.
     * Names compare case-, space- and underscore-insensitively.
     */
    columns: z
      .partialRecord(
        z.enum(RECORD_COLUMNS, { error: `expected one of ${RECORD_COLUMNS.join(', ')}` }),
        z.union([nonEmpty, z.array(nonEmpty).min(1, { error: 'expected at least one column name' })], { error: 'expected a column name or an array of column names' }),
      )
      .optional(),
    /** Input column → external id namespace, e.g. `{ "loyalty_id": "loyalty" }`. */
    externalIds: z.record(nonEmpty, nonEmpty).optional(),
    /** How CSV inputs are read. */
    csv: z
      .strictObject({
        /** Most physical lines a row's quoted cells may span (default 20); a row over it is a reject. */
        maxCellLines: positiveInt.optional(),
        /** The cell separator: `,`, `;`, a tab (`"\t"` or `"tab"`), or `auto` (default: from each file's header row). */
        delimiter: z
          .enum([',', ';', '\t', 'tab', 'auto'], { error: 'expected ",", ";", "tab" or "auto"' })
          .transform((d) => (d === 'tab' ? '\t' : d))
          .optional(),
      })
      .optional(),
  })
  .superRefine((config, ctx) => {
    // One input column, one role: a column read as two things would make every row a reject, or silently
    // drop one of the roles.
    const columns: Partial<Record<RecordColumn, string | readonly string[]>> = config.columns ?? {};
    const roleOfInput = new Map<string, RecordColumn>();
    for (const column of RECORD_COLUMNS) {
      const given = Object.hasOwn(columns, column) ? columns[column]! : column;
      for (const input of typeof given === 'string' ? [given] : given) {
        const folded = foldColumnName(input);
        const other = roleOfInput.get(folded);
        if (other !== undefined && ROLE_OF[other] !== ROLE_OF[column]) {
          const mapped = Object.hasOwn(columns, column) ? column : other;
          ctx.addIssue({ code: 'custom', path: ['columns', mapped], message: `input column "${input}" would be read both as ${other} and as ${column}; map one of them to another column` });
        } else roleOfInput.set(folded, column);
      }
    }
    for (const input of Object.keys(config.externalIds ?? {})) {
      const role = roleOfInput.get(foldColumnName(input));
      if (role !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['externalIds', input], message: `input column "${input}" is already read as ${role}; an external id needs a column of its own` });
      }
    }
  });

/** Record columns that share a role (`x` is `twitter`); any other two columns have different roles. */
const ROLE_OF: Readonly<Record<RecordColumn, string>> = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, c === 'x' ? 'twitter' : c])) as Record<RecordColumn, string>;

/** A validated config file. */
export type IdweaveConfig = z.output<typeof configSchema>;

// Compile-time checks: a parsed config is usable as ResolveOptions, and every ResolveOptions field has a place
// in the config schema (a field added to ResolveOptions without a schema entry fails to compile here).
const assignable = (config: IdweaveConfig): ResolveOptions => config;
type MissingFromSchema = Exclude<keyof ResolveOptions, keyof IdweaveConfig>;
const everyOptionInSchema: [MissingFromSchema] extends [never] ? true : MissingFromSchema = true;
void assignable;
void everyOptionInSchema;

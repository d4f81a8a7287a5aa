import { NAME_FIELD_COLUMNS, PERSON_FIELD_OF_COLUMN } from '../_internal/nameFields.js';
import type { SurvivorshipRule } from '../types.js';

/** Survivorship options as plain data (they cross to worker threads). */
export interface SurvivorshipOptions {
  readonly default: SurvivorshipRule;
  readonly fields: Readonly<Record<string, SurvivorshipRule>>;
  readonly sourcePriority: readonly string[];
}

/** Survivorship settings compiled for `buildProfile`. Field rules are a `Map`: field names are untrusted input. */
export interface SurvivorshipConfig {
  readonly default: SurvivorshipRule;
  readonly fields: ReadonlyMap<string, SurvivorshipRule>;
  readonly sourceRank: ReadonlyMap<string, number>;
}


/** Names are best taken from what most records say (a typo in one source loses), unless configured. */
const NAME_FIELD_DEFAULT: SurvivorshipRule = 'mostFrequent';

/**
 * The one place survivorship options become a config (batch, `resolve()`, the incremental resolver). Rules for
 * `first_name` apply to `firstName`; when both spellings are given they must agree (`parseResolveOptions`
 * refuses a conflict), so the order here does not matter.
 */
export function survivorshipConfigOf(o: SurvivorshipOptions): SurvivorshipConfig {
  const fields = new Map<string, SurvivorshipRule>();
  for (const [name, rule] of Object.entries(o.fields)) fields.set(PERSON_FIELD_OF_COLUMN.get(name) ?? name, rule);
  return { default: o.default, fields, sourceRank: new Map(o.sourcePriority.map((s, i) => [s, i])) };
}

/** The rule a field survives by. */
export function ruleFor(config: SurvivorshipConfig, field: string): SurvivorshipRule {
  return config.fields.get(field) ?? (NAME_FIELD_COLUMNS.has(field) ? NAME_FIELD_DEFAULT : config.default);
}

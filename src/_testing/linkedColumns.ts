import type { BatchColumns } from '../engine/BatchColumns.js';
import { ResolutionBatch } from '../engine/ResolutionBatch.js';
import { survivorshipConfigOf, type SurvivorshipConfig } from '../merge/survivorshipConfig.js';
import type { CustomerRecord } from '../types.js';

/** The columns of a batch of `records`, linked, with its survivorship and number of profiles (tests, and the `bench/lines` instruments). */
export function linkedColumns(
  records: readonly CustomerRecord[],
  options: ConstructorParameters<typeof ResolutionBatch>[0] = {},
  /** The payloads' field table (`PayloadNames`), as a file batch makes it from its headers. */
  payloadFields?: readonly string[],
): { c: BatchColumns; config: SurvivorshipConfig; profiles: number } {
  const batch = new ResolutionBatch(options);
  if (payloadFields !== undefined) batch.usePayloadFields(payloadFields);
  for (const r of records) batch.add(r);
  batch.link();
  const c = batch.columns();
  return { c, config: survivorshipConfigOf(batch.survivorship()), profiles: c.memberStart.length - 1 };
}

import type { ByteInterner } from '../_internal/ByteInterner.js';
import type { ResolverState } from './ResolverState.js';
import { optionsFingerprint, type SnapshotOverride, type SnapshotRecord } from './snapshot.js';
import { Pacer } from './snapshotStreamFormat.js';
import type { SnapshotSource } from './snapshotStreamSource.js';

/**
 * A resolver state as a `SnapshotSource`. Tables come before records in a stream, so one pass over the live records
 * first picks the keys, groups, names and sources they use (an erased record's leave no trace), numbering each in
 * order of first use; that pass gives the event loop turns (`pacer`). Records are written in slot order, not sorted
 * by id as `snapshot()` writes them: sorting millions of ids would block, and the reader does not need an order.
 *
 * The state must not change until the returned source has been iterated to its end (`Resolver.writeSnapshot`
 * refuses edits meanwhile): the tables describe the records as they were during the pass.
 */
export async function snapshotSourceOfState(state: ResolverState, pacer = new Pacer()): Promise<SnapshotSource> {
  const groups = new Pick(state.groups.size);
  const keys = new Pick(state.keys.size);
  const names = new Pick(state.names.size);
  const sources = new Pick(state.sources.size);
  const pickKey = (k: number): void => {
    if (keys.at(k) < 0) groups.pick(state.keyGroup[k]!);
    keys.pick(k);
  };
  const n = state.ids.size;
  let strongKeys = 0;
  let weakKeys = 0;
  for (let r = 0; r < n; r++) {
    if ((r & 1023) === 1023 && pacer.due()) await pacer.turn();
    if (state.alive[r]! === 0) continue;
    strongKeys += state.kLen[r]!;
    weakKeys += state.wLen[r]!;
    sources.pick(state.sourceOf[r]!);
    names.pick(state.firstName[r]!);
    names.pick(state.lastName[r]!);
    for (let j = state.kStart[r]!, end = j + state.kLen[r]!; j < end; j++) pickKey(state.strong.key[j]!);
    for (let j = state.wStart[r]!, end = j + state.wLen[r]!; j < end; j++) pickKey(state.weak.key[j]!);
    names.pick(state.attributes[r]!);
  }
  return {
    options: optionsFingerprint(state.options),
    idRange: state.idRange,
    nextSerial: state.nextSerial,
    groups: textsOf(groups, state.groups),
    keys: keyEntries(state, keys, groups),
    names: textsOf(names, state.names),
    sources: textsOf(sources, state.sources),
    records: recordsOf(state, keys, names, sources),
    overrides: overridesOf(state),
    erased: state.erasedIds(),
    sizes: { records: state.liveRecords, keys: keys.size, names: names.size, profiles: state.liveProfiles, strongKeys, weakKeys },
  };
}

/** The entries of one table a snapshot writes: state id → table index, and back. */
class Pick {
  /**
   * Table index + 1 of each state id, 0 while unused. perf: zero is what fresh memory holds, so nothing is filled
   * (marking 20M keys unused touched 80 MB of fresh pages, a 0.35 s pause in a VM).
   */
  readonly index: Int32Array;
  /**
   * State ids in table order. perf: as long as the state's table from the start, not grown by doubling (at 20M
   * keys one doubling copied 64 MB into fresh pages, a ~0.5 s pause); fresh memory costs nothing until written.
   */
  readonly order: Int32Array;
  size = 0;

  constructor(ids: number) {
    this.index = new Int32Array(ids);
    this.order = new Int32Array(ids);
  }

  /** Adds state id `id` on its first use (-1, none, is not an entry). */
  pick(id: number): void {
    if (id < 0 || this.index[id]! !== 0) return;
    this.index[id] = this.size + 1;
    this.order[this.size++] = id;
  }

  /** The table index of state id `id`, or -1 for none. */
  at(id: number): number {
    return id < 0 ? -1 : this.index[id]! - 1;
  }
}

function* textsOf(pick: Pick, strings: ByteInterner): Generator<string> {
  for (let i = 0; i < pick.size; i++) yield strings.keyOf(pick.order[i]!);
}

function* keyEntries(state: ResolverState, keys: Pick, groups: Pick): Generator<readonly [string, number, number]> {
  for (let i = 0; i < keys.size; i++) {
    const k = keys.order[i]!;
    yield [state.keys.keyOf(k), state.keyKind[k]!, groups.at(state.keyGroup[k]!)];
  }
}

/** In the table's order, not sorted as `snapshot()` writes them: the reader needs no order, and the same state writes the same bytes. */
function* overridesOf(state: ResolverState): Generator<SnapshotOverride> {
  for (const [a, b, rule] of state.overrides.pairs()) yield [state.ids.keyOf(a), state.ids.keyOf(b), rule];
}

function* recordsOf(state: ResolverState, keys: Pick, names: Pick, sources: Pick): Generator<SnapshotRecord> {
  for (let r = 0; r < state.ids.size; r++) {
    if (state.alive[r]! === 0) continue;
    const strong: number[] = [];
    for (let j = state.kStart[r]!, end = j + state.kLen[r]!; j < end; j++) strong.push(keys.at(state.strong.key[j]!));
    const weak: number[] = [];
    for (let j = state.wStart[r]!, end = j + state.wLen[r]!; j < end; j++) weak.push(keys.at(state.weak.key[j]!));
    const t = state.updatedAt[r]!;
    yield [
      state.ids.keyOf(r),
      state.serial[r]!,
      sources.at(state.sourceOf[r]!),
      Number.isNaN(t) ? null : t,
      names.at(state.firstName[r]!),
      names.at(state.lastName[r]!),
      state.payloadOf(r),
      strong,
      weak,
      names.at(state.attributes[r]!),
    ];
  }
}

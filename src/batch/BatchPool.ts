import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IdweaveConfig } from '../config/configSchema.js';
import type { SurvivorshipConfig } from '../merge/buildProfile.js';
import { survivorshipConfigOf, type SurvivorshipOptions } from '../merge/survivorshipConfig.js';
import type { BatchColumns } from '../engine/BatchColumns.js';
import { runLinkPart, type LinkPartResult, type LinkPartTask } from '../engine/linkInParts.js';
import type { LinkConfig } from '../cluster/linkRecords.js';
import { explainTables, type ExplainTables } from './explainIndexBuilder.js';
import type { WorkerRequest } from './batchWorker.js';
import type { AloneRequest } from './linkWorker.js';
import { outputLines, type LinesBlock, type LinesTask } from './outputLines.js';
import { tableLines, type TableLinesTask } from './tableLines.js';
import { Utf8Lines } from '../_internal/Utf8Lines.js';
import type { FormattedLines } from '../incremental/snapshotStreamSource.js';
import { createPiecePreparer, type Piece } from './preparePiece.js';
import { transferablesOf, type PreparedChunk } from '../engine/PreparedChunk.js';
import type { DecodedBatch, SectionLimits } from '../incremental/snapshotBlocks.js';
import { inThreadDecoder, type LineDecoder } from '../incremental/snapshotStreamRead.js';

interface Pending {
  resolve: (result: unknown) => void;
  reject: (e: Error) => void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The batch job's worker threads (or this thread, when `threads` is 0): they prepare pieces of input files,
 * then build blocks of output lines. Results come back as promises; the caller awaits them in submission
 * order, so chunks are applied and lines written in order whatever thread finished first.
 */
export class BatchPool {
  private readonly workers: Worker[] = [];
  private readonly busy: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;
  private closed = false;
  private prepareHere: ((piece: Piece) => PreparedChunk) | undefined;
  /** Undefined for a pool that only decodes (resolverFromBatch): it prepares no pieces. */
  private readonly config: IdweaveConfig | undefined;
  private columns: BatchColumns | undefined;
  private survivorship: SurvivorshipConfig | undefined;

  constructor(config: IdweaveConfig | undefined, threads: number) {
    this.config = config;
    if (threads <= 0) return;
    for (let i = 0; i < threads; i++) {
      const w = startWorker(config ?? {});
      const slot = i;
      this.busy.push(0);
      w.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
        this.busy[slot]!--;
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error === undefined) p?.resolve(msg.result);
        else p?.reject(new Error(`worker thread failed: ${msg.error}`));
      });
      w.on('error', (e) => this.fail(e));
      // A result that cannot be deserialized here (e.g. nested too deep for the structured-clone reader) is
      // otherwise dropped without a word, and its caller would wait forever.
      w.on('messageerror', (e) => this.fail(new Error(`worker thread result could not be read: ${e.message}`)));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closed) this.fail(new Error(`worker thread exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  /** Number of worker threads (0: everything runs in this thread). */
  get threads(): number {
    return this.workers.length;
  }

  prepare(piece: Piece): Promise<PreparedChunk> {
    if (this.workers.length === 0) {
      this.prepareHere ??= createPiecePreparer(this.config!);
      return Promise.resolve(this.prepareHere(piece));
    }
    return this.send({ type: 'prepare', piece }) as Promise<PreparedChunk>;
  }

  /**
   * Links one part of a planned link (`ResolutionBatch.linkInParts`) in a worker thread of its own, ended once the
   * part is linked (here when the pool has no threads). perf: the part's scratch (per-key arrays of the whole batch,
   * caches, its log once merged) goes with that thread, instead of lingering in a pool thread's heap until its next
   * full collection: at 5M rows that was ~300 MB through the writing stages.
   */
  async linkPart(task: LinkPartTask): Promise<LinkPartResult> {
    if (this.workers.length === 0) return runLinkPart(task);
    return (await this.alone({ type: 'linkPart', task })) as LinkPartResult;
  }

  /**
   * The explain index's tables of a linked batch (`explainTables`), in a worker thread of its own (here when the
   * pool has no threads). perf: the batch job asks for them as it starts writing the profiles, so they are built
   * on the core the writing thread leaves idle, not on one thread after the last line is written (~5 s at 20M).
   */
  async explainTables(columns: BatchColumns, generic: LinkConfig['generic'], refusedOnly: boolean): Promise<ExplainTables> {
    if (this.workers.length === 0) return explainTables(columns, generic, refusedOnly);
    return (await this.alone({ type: 'explainTables', columns, generic, refusedOnly })) as ExplainTables;
  }

  /**
   * Starts `n` fresh threads for the next requests that each take a thread of their own (`linkPart`,
   * `explainTables`). perf: a thread's start (its isolate, loading this module) then overlaps the caller's own work,
   * such as planning the link on this thread while the other core is idle (the link's two threads: ~0.18 s at 2M
   * rows). Threads left unused are ended with the pool (or by `endAhead`).
   */
  startAhead(n: number): void {
    if (this.workers.length === 0 || this.closed || this.failure) return;
    while (this.ahead.length < n) {
      const w = startWorker(this.config ?? {}, 'linkWorker');
      // A thread that fails before it is given a request is dropped; the request then starts another.
      const drop = (): void => {
        const i = this.ahead.indexOf(w);
        if (i !== -1) this.ahead.splice(i, 1);
      };
      w.on('error', drop);
      w.once('exit', () => {
        drop();
        this.linkers.delete(w);
      });
      this.linkers.add(w);
      this.ahead.push(w);
    }
  }

  /** Ends the threads started ahead that no request took (a link planned as one part needs none). */
  async endAhead(): Promise<void> {
    const unused = this.ahead.splice(0);
    await Promise.all(unused.map((w) => w.terminate()));
  }

  /**
   * One request answered by a fresh worker thread (started ahead, or now), ended before the answer is given: ending
   * it frees the part's scratch (per-key arrays of the whole batch), which must not stay alive through the merge of
   * the parts' logs, where a 20M-row run peaks.
   */
  private async alone(request: DistributiveOmit<AloneRequest, 'id'>): Promise<unknown> {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error('worker pool closed');
    const w = this.ahead.shift() ?? startWorker(this.config ?? {}, 'linkWorker');
    this.linkers.add(w);
    try {
      return await new Promise<unknown>((resolve, reject) => {
        w.once('message', (msg: { result?: unknown; error?: string }) => {
          if (msg.error === undefined) resolve(msg.result);
          else reject(new Error(`worker thread failed: ${msg.error}`));
        });
        w.once('error', reject);
        w.once('messageerror', (e) => reject(new Error(`worker thread result could not be read: ${e.message}`)));
        w.once('exit', (code) => reject(new Error(`worker thread exited with code ${code}`)));
        w.postMessage({ ...request, id: 0 });
      });
    } finally {
      this.linkers.delete(w);
      await w.terminate();
    }
  }

  /** Threads started for one request each (`alone`, `startAhead`), ended with the pool. */
  private readonly linkers = new Set<Worker>();
  /** Threads started ahead (`startAhead`), not yet given a request. */
  private readonly ahead: Worker[] = [];

  /** Hands the linked batch to every thread; call once before `lines`. */
  async setColumns(columns: BatchColumns, survivorship: SurvivorshipOptions): Promise<void> {
    this.columns = columns;
    this.survivorship = survivorshipConfigOf(survivorship);
    await Promise.all(this.workers.map((_, i) => this.send({ type: 'columns', columns, survivorship }, i)));
  }

  lines(task: LinesTask): Promise<LinesBlock> {
    if (this.workers.length === 0) return Promise.resolve(outputLines(this.columns!, this.survivorship!, task));
    return this.send({ type: 'lines', task }) as Promise<LinesBlock>;
  }

  /**
   * Gives the buffers of written blocks (`lines`, `tableLines`: their `bytes.buffer`) back to the threads that make
   * blocks, to build the next ones in (`Utf8Lines.recycle`). perf: a buffer transferred away no longer counts
   * against this thread's external memory, where each dropped block did until a full collection (one every 64 MB
   * written).
   */
  recycle(buffers: ArrayBuffer[]): void {
    if (this.workers.length === 0) {
      for (const b of buffers) Utf8Lines.recycle(b);
      return;
    }
    if (this.failure !== undefined || buffers.length === 0) return;
    // Round robin, not by who made the block: the threads make about as many blocks each, so each gets about as
    // many back; a thread short of spares allocates, one with too many drops the extra (`Utf8Lines.recycle` keeps 6).
    const slot = this.nextRecycle++ % this.workers.length;
    this.workers[slot]!.postMessage({ id: -1, type: 'recycle', buffers } satisfies WorkerRequest, buffers);
  }

  private nextRecycle = 0;

  /**
   * No more pieces: each thread drops its spare chunk buffers and its preparer (after the recycles already sent,
   * which arrive first). A piece sent after this is still prepared, in new buffers.
   */
  endPieces(): void {
    if (this.failure !== undefined) return;
    for (const w of this.workers) w.postMessage({ id: -1, type: 'endPieces' } satisfies WorkerRequest);
  }

  /**
   * Gives an applied chunk's buffers back to the threads that prepare pieces (`recycleChunkBuffers`), round
   * robin as `recycle`. The chunk must not be read after. A chunk prepared in this thread was a copy: nothing to do.
   */
  recycleChunk(chunk: PreparedChunk): void {
    if (this.workers.length === 0 || this.failure !== undefined) return;
    const buffers = transferablesOf(chunk);
    const slot = this.nextRecycle++ % this.workers.length;
    this.workers[slot]!.postMessage({ id: -1, type: 'recycleChunk', buffers } satisfies WorkerRequest, buffers);
  }

  /** A block of `resolver.ndjson` lines (after `setColumns`). */
  tableLines(task: TableLinesTask): Promise<FormattedLines> {
    if (this.workers.length === 0) return Promise.resolve(tableLines(this.columns!, task));
    return this.send({ type: 'tableLines', task }) as Promise<FormattedLines>;
  }

  /**
   * A `LineDecoder` for the snapshot stream reader (resolverFromBatch): the lines of the large sections are
   * decoded by the worker threads; in this thread when there are none.
   */
  lineDecoder(batchBytes = 1 << 20): LineDecoder {
    if (this.workers.length === 0) return inThreadDecoder();
    return {
      depth: 2 * this.workers.length,
      batchBytes,
      start: async (section, limits) => {
        const records = limits.records;
        let shared: SectionLimits = limits;
        if (records !== undefined) {
          // Shared memory: every thread reads the one copy of the key kinds (a function cannot cross threads).
          const keyKind = new Uint8Array(new SharedArrayBuffer(Math.max(1, records.keys)));
          keyKind.set(records.keyKind.subarray(0, records.keys));
          shared = { records: { nextSerial: records.nextSerial, names: records.names, sources: records.sources, keys: records.keys, keyKind } };
        }
        await Promise.all(this.workers.map((_, i) => this.send({ type: 'decodeSection', section, limits: shared }, i)));
      },
      // The batch's memory goes to the worker (the reader made it for this message alone).
      decode: (bytes, ends) => this.send({ type: 'decodeLines', bytes, ends }, undefined, [bytes.buffer as ArrayBuffer]) as Promise<DecodedBatch>,
    };
  }

  /** Stops the workers; work still pending is abandoned (its promises reject, already marked handled). */
  async close(): Promise<void> {
    this.closed = true;
    this.ahead.length = 0;
    const workers = [...this.workers.splice(0), ...this.linkers];
    await Promise.all(workers.map((w) => w.terminate()));
    this.fail(new Error('worker pool closed'));
  }

  /** Sends to worker `slot`, or to the least busy one (ties: the first). */
  private send(request: DistributiveOmit<WorkerRequest, 'id'>, slot?: number, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) {
      const failed = Promise.reject(this.failure);
      failed.catch(() => {}); // see below
      return failed;
    }
    if (slot === undefined) {
      slot = 0;
      for (let i = 1; i < this.busy.length; i++) if (this.busy[i]! < this.busy[slot]!) slot = i;
    }
    this.busy[slot]!++;
    const id = this.nextId++;
    const result = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[slot]!.postMessage({ ...request, id }, transfer);
    });
    // When the job stops early (bad input, a failed write), results still in flight are never awaited: mark
    // their rejection handled so it cannot crash the process. Awaiting callers still see it.
    result.catch(() => {});
    return result;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/**
 * Starts one worker: `batchWorker` (the pool's threads) or `linkWorker` (a thread for one request, `alone`). Built:
 * the entry sits next to the bundle. From source (tests run the TypeScript directly), a small bootstrap registers
 * tsx (a dev dependency) in the worker before importing the `.ts` file: Node 20 does not apply `--import` loaders
 * to a worker's entry module.
 */
function startWorker(config: IdweaveConfig, entry: 'batchWorker' | 'linkWorker' = 'batchWorker'): Worker {
  const js = new URL(`./${entry}.js`, import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: { config } });
  const ts = new URL(`./${entry}.ts`, import.meta.url).href;
  // tsx's package exports give require() the CommonJS build of its API; the worker imports the ESM one.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); });`;
  return new Worker(code, { eval: true, workerData: { config } });
}

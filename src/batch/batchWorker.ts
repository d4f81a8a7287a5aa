import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { IdweaveConfig } from '../config/configSchema.js';
import type { SurvivorshipConfig } from '../merge/buildProfile.js';
import { survivorshipConfigOf, type SurvivorshipOptions } from '../merge/survivorshipConfig.js';
import { attachColumns, type BatchColumns } from '../engine/BatchColumns.js';
import { outputLines, type LinesTask } from './outputLines.js';
import { Utf8Lines } from '../_internal/Utf8Lines.js';
import { tableLines, type TableLinesTask } from './tableLines.js';
import { createPiecePreparer, type Piece } from './preparePiece.js';
import { dropChunkSpares, recycleChunkBuffers, setPayloadSlabOwner, transferablesOf, type PreparedChunk } from '../engine/PreparedChunk.js';
import { decodeLines, transferablesOfBlock, type DecodedBatch, type DecodedSection, type SectionLimits } from '../incremental/snapshotBlocks.js';

/** Messages a `BatchPool` sends its workers. */
export type WorkerRequest =
  | { readonly id: number; readonly type: 'prepare'; readonly piece: Piece }
  | { readonly id: number; readonly type: 'decodeSection'; readonly section: DecodedSection; readonly limits: SectionLimits }
  | { readonly id: number; readonly type: 'decodeLines'; readonly bytes: Uint8Array; readonly ends: Uint32Array }
  | { readonly id: number; readonly type: 'columns'; readonly columns: BatchColumns; readonly survivorship: SurvivorshipOptions }
  | { readonly id: number; readonly type: 'lines'; readonly task: LinesTask }
  | { readonly id: number; readonly type: 'tableLines'; readonly task: TableLinesTask }
  | { readonly id: number; readonly type: 'recycle'; readonly buffers: readonly ArrayBuffer[] }
  | { readonly id: number; readonly type: 'recycleChunk'; readonly buffers: readonly ArrayBuffer[] }
  | { readonly id: number; readonly type: 'endPieces' };

// Worker thread of `BatchPool`: prepares pieces of input files (packed chunks go back by transfer), then, once
// the batch is linked, builds blocks of output lines from the shared columns. Or (resolverFromBatch) decodes the
// records lines of a resolver table. Threads for one request each (a link part, the explain index's tables) run
// `linkWorker`.
let prepare: ((piece: Piece) => PreparedChunk) | undefined;
let decoding: { section: DecodedSection; limits: SectionLimits } | undefined;
let columns: BatchColumns | undefined;
let survivorship: SurvivorshipConfig | undefined;
// The slabs this thread hands payloads over in are named by its thread id, unique in the process.
setPayloadSlabOwner(threadId);

parentPort!.on('message', (msg: WorkerRequest) => {
  try {
    switch (msg.type) {
      case 'prepare': {
        // The chunk goes over in the preparer's own buffers, which come back once applied ('recycleChunk').
        prepare ??= createPiecePreparer((workerData as { config: IdweaveConfig }).config, true);
        const chunk = prepare(msg.piece);
        parentPort!.postMessage({ id: msg.id, result: chunk }, transferablesOf(chunk));
        break;
      }
      case 'recycleChunk':
        // Buffers of a chunk this pool's threads handed over, applied now: no reply.
        recycleChunkBuffers(msg.buffers);
        break;
      case 'endPieces':
        // The read is over: spare chunk buffers and the preparer's own would only hold memory from here on.
        dropChunkSpares();
        prepare = undefined;
        break;
      case 'columns':
        columns = attachColumns(msg.columns);
        survivorship = survivorshipConfigOf(msg.survivorship);
        parentPort!.postMessage({ id: msg.id, result: true });
        break;
      case 'decodeSection':
        decoding = { section: msg.section, limits: msg.limits };
        parentPort!.postMessage({ id: msg.id, result: true });
        break;
      case 'decodeLines': {
        const blocks = decodeLines(msg.bytes, msg.ends, decoding!.section, decoding!.limits);
        const result: DecodedBatch = { blocks, bytes: msg.bytes };
        parentPort!.postMessage({ id: msg.id, result }, [msg.bytes.buffer as ArrayBuffer, ...blocks.flatMap((b) => (b === undefined ? [] : transferablesOfBlock(b)))]);
        break;
      }
      case 'tableLines': {
        const result = tableLines(columns!, msg.task);
        parentPort!.postMessage({ id: msg.id, result }, [result.bytes.buffer as ArrayBuffer]);
        break;
      }
      case 'lines': {
        // Lines come as the builder's working buffer, transferred (slack included; it comes back through
        // 'recycle' once written); Parquet columns are cloned.
        const block = outputLines(columns!, survivorship!, msg.task);
        parentPort!.postMessage({ id: msg.id, result: block }, block.columns !== undefined ? [] : [block.bytes.buffer as ArrayBuffer]);
        break;
      }
      case 'recycle':
        // Buffers of blocks this pool's threads handed over, written now: no reply.
        for (const b of msg.buffers) Utf8Lines.recycle(b);
        break;
    }
  } catch (e) {
    // A recycle expects no reply: one would be counted against a request this thread never had.
    if (msg.type === 'recycle' || msg.type === 'recycleChunk' || msg.type === 'endPieces') return;
    // Pieces never throw for bad data (that becomes rejects): this is a bug, reported with where it happened.
    const where = msg.type === 'prepare' ? `${msg.piece.file}: ` : '';
    parentPort!.postMessage({ id: msg.id, error: `${where}${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
  }
});

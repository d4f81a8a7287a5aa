import { parentPort, workerData } from 'node:worker_threads';
import type { IdweaveConfig } from '../../config/configSchema.js';
import type { SurvivorshipConfig } from '../../merge/buildProfile.js';
import { survivorshipConfigOf, type SurvivorshipOptions } from '../../merge/survivorshipConfig.js';
import { attachColumns, type BatchColumns } from './BatchColumns.js';
import { outputLines, type LinesTask } from './outputLines.js';
import { createPiecePreparer, type Piece } from './preparePiece.js';
import { transferablesOf } from './PreparedChunk.js';

/** Messages a `BatchPool` sends its workers. */
export type WorkerRequest =
  | { readonly id: number; readonly type: 'prepare'; readonly piece: Piece }
  | { readonly id: number; readonly type: 'columns'; readonly columns: BatchColumns; readonly survivorship: SurvivorshipOptions }
  | { readonly id: number; readonly type: 'lines'; readonly task: LinesTask };

// Worker thread of `BatchPool`: prepares pieces of input files (packed chunks go back by transfer), then, once
// the batch is linked, builds blocks of output lines from the shared columns.
const prepare = createPiecePreparer((workerData as { config: IdweaveConfig }).config);
let columns: BatchColumns | undefined;
let survivorship: SurvivorshipConfig | undefined;

parentPort!.on('message', (msg: WorkerRequest) => {
  try {
    switch (msg.type) {
      case 'prepare': {
        const chunk = prepare(msg.piece);
        parentPort!.postMessage({ id: msg.id, result: chunk }, transferablesOf(chunk));
        break;
      }
      case 'columns':
        columns = attachColumns(msg.columns);
        survivorship = survivorshipConfigOf(msg.survivorship);
        parentPort!.postMessage({ id: msg.id, result: true });
        break;
      case 'lines':
        parentPort!.postMessage({ id: msg.id, result: outputLines(columns!, survivorship!, msg.task) });
        break;
    }
  } catch (e) {
    // Pieces never throw for bad data (that becomes rejects): this is a bug, reported with where it happened.
    const where = msg.type === 'prepare' ? `${msg.piece.file}: ` : '';
    parentPort!.postMessage({ id: msg.id, error: `${where}${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
  }
});

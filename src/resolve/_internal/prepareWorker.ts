import { parentPort, workerData } from 'node:worker_threads';
import type { IdweaveConfig } from '../../config/configSchema.js';
import { createPiecePreparer, type Piece } from './preparePiece.js';
import { transferablesOf } from './PreparedChunk.js';

// Worker thread of `PreparePool`: prepares pieces of input files and hands the packed chunks back by transfer.
const prepare = createPiecePreparer((workerData as { config: IdweaveConfig }).config);
parentPort!.on('message', (msg: { id: number; piece: Piece }) => {
  try {
    const chunk = prepare(msg.piece);
    parentPort!.postMessage({ id: msg.id, chunk }, transferablesOf(chunk));
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});

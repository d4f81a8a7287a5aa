import { parentPort } from 'node:worker_threads';
import { attachColumns, type BatchColumns } from '../engine/BatchColumns.js';
import { runLinkPart, type LinkPartTask } from '../engine/linkInParts.js';
import type { LinkConfig } from '../cluster/linkRecords.js';
import { explainTables, transferablesOfTables } from './explainIndexBuilder.js';

/** The requests a `BatchPool` gives a thread of their own (`alone`): one each, then the thread is ended. */
export type AloneRequest =
  | { readonly id: number; readonly type: 'linkPart'; readonly task: LinkPartTask }
  | { readonly id: number; readonly type: 'explainTables'; readonly columns: BatchColumns; readonly generic: LinkConfig['generic']; readonly refusedOnly: boolean };

// A thread that links a part of the batch (`linkPart`) or builds the explain index's tables (`explainTables`).
// perf: an entry of its own, apart from `batchWorker`, so such a thread never loads the normalizers and their
// phone metadata, which it does not use: a fresh thread ran its first request ~75 ms sooner (135 -> 61 ms from
// `new Worker` to a loaded module, the built bundles), three such threads a run.
parentPort!.on('message', (msg: AloneRequest) => {
  try {
    switch (msg.type) {
      case 'linkPart':
        // Its log is in shared memory: nothing is copied back.
        parentPort!.postMessage({ id: msg.id, result: runLinkPart(msg.task) });
        break;
      case 'explainTables': {
        const tables = explainTables(attachColumns(msg.columns), msg.generic, msg.refusedOnly);
        parentPort!.postMessage({ id: msg.id, result: tables }, transferablesOfTables(tables));
        break;
      }
    }
  } catch (e) {
    // A bug, not bad data: reported as the pool reports a failed request.
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});

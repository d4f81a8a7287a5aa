import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IdweaveConfig } from '../../config/configSchema.js';
import { createPiecePreparer, type Piece } from './preparePiece.js';
import type { PreparedChunk } from './PreparedChunk.js';

interface Pending {
  resolve: (c: PreparedChunk) => void;
  reject: (e: Error) => void;
}

/**
 * Prepares pieces of input files in worker threads (or in this thread when `threads` is 0). Results come back
 * as promises; the caller awaits them in submission order, so chunks are applied in file order whatever
 * thread finished first.
 */
export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly busy: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;
  private readonly inThread: ((piece: Piece) => PreparedChunk) | undefined;

  constructor(config: IdweaveConfig, threads: number) {
    if (threads <= 0) {
      this.inThread = createPiecePreparer(config);
      return;
    }
    for (let i = 0; i < threads; i++) {
      const w = startWorker(config);
      const slot = i;
      this.busy.push(0);
      w.on('message', (msg: { id: number; chunk?: PreparedChunk; error?: string }) => {
        this.busy[slot]!--;
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.chunk) p?.resolve(msg.chunk);
        else p?.reject(new Error(`worker thread failed: ${msg.error}`));
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`worker thread exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  /** Number of worker threads (0: pieces are prepared in this thread). */
  get threads(): number {
    return this.workers.length;
  }

  run(piece: Piece): Promise<PreparedChunk> {
    if (this.inThread) return Promise.resolve(this.inThread(piece));
    if (this.failure) return Promise.reject(this.failure);
    // The least busy worker (ties: the first), so a slow piece does not hold up the others.
    let slot = 0;
    for (let i = 1; i < this.busy.length; i++) if (this.busy[i]! < this.busy[slot]!) slot = i;
    this.busy[slot]!++;
    const id = this.nextId++;
    return new Promise<PreparedChunk>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[slot]!.postMessage({ id, piece });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/**
 * Starts one worker. Built: `prepareWorker.js` sits next to the bundle. From source (tests run the TypeScript
 * directly), a small bootstrap registers tsx (a dev dependency) in the worker before importing the `.ts` file:
 * Node 20 does not apply `--import` loaders to a worker's entry module.
 */
function startWorker(config: IdweaveConfig): Worker {
  const js = new URL('./prepareWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: { config } });
  const ts = new URL('./prepareWorker.ts', import.meta.url).href;
  // tsx's package exports give require() the CommonJS build of its API; the worker imports the ESM one.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); });`;
  return new Worker(code, { eval: true, workerData: { config } });
}

import cliProgress from 'cli-progress';
import type { ResolveProgress } from '../batch/resolveFiles.js';

/** A progress display for `resolveFiles`; `update` is called often, `stop` once. */
export interface Progress {
  update(progress: ResolveProgress): void;
  stop(): void;
}

const NONE: Progress = { update: () => {}, stop: () => {} };

/**
 * A progress bar on `stream` (stderr): stage, rows, rows/s and, when the total is known, percent and ETA
 * (while reading, from bytes read over the input size). A no-op when disabled or `stream` is not a TTY.
 */
export function createProgress(enabled: boolean, stream: NodeJS.WriteStream | undefined): Progress {
  if (!enabled || stream === undefined || !stream.isTTY) return NONE;
  let bar: cliProgress.SingleBar | undefined;
  let stage = '';
  let stageStart = 0;

  const start = (name: string, withTotal: boolean, total: number): cliProgress.SingleBar => {
    bar?.stop();
    stage = name;
    stageStart = performance.now();
    const format = withTotal
      ? '{stage} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}'
      : '{stage} | {rows} rows | {rate} rows/s';
    const b = new cliProgress.SingleBar({ stream, format, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 5 }, cliProgress.Presets.shades_classic);
    b.start(Math.max(1, total), 0, { stage: name.padEnd(8), rows: 0, rate: 0 });
    return b;
  };

  return {
    update(p) {
      const total = p.bytesTotal ?? p.total;
      if (p.stage !== stage) bar = start(p.stage, total !== undefined, total ?? 1);
      const seconds = (performance.now() - stageStart) / 1000;
      // A rate over a few milliseconds is noise ("145,060,824 rows/s"): shown once the stage has run half a second.
      const rate = seconds >= 0.5 ? Math.round(p.rows / seconds).toLocaleString('en-US') : '…';
      const payload = { stage: p.stage.padEnd(8), rows: p.rows.toLocaleString('en-US'), rate };
      bar!.update(p.bytesRead ?? (p.total !== undefined ? p.rows : 0), payload);
    },
    stop() {
      bar?.stop();
      bar = undefined;
      stage = ''; // a later update starts a new bar
    },
  };
}

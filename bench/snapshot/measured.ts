const MB = 2 ** 20;

/** What `measured` reports about one piece of work. */
export interface Measured<T> {
  readonly value: T;
  readonly seconds: number;
  /** Longest gap between ticks of a 5 ms timer, in ms. */
  readonly maxStallMs: number;
  /** Gaps above 50 ms. */
  readonly stallsOver50ms: number;
  readonly peakRssMB: number;
}

/** Runs `work` beside a 5 ms timer that records the gaps between its ticks and samples RSS. */
export async function measured<T>(work: () => Promise<T> | T): Promise<Measured<T>> {
  let last = performance.now();
  let maxStall = 0;
  let over50 = 0;
  let peakRss = process.memoryUsage.rss();
  const gap = (now: number): void => {
    const g = now - last;
    if (g > maxStall) maxStall = g;
    if (g > 50) over50++;
    last = now;
  };
  const timer = setInterval(() => {
    gap(performance.now());
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  const start = performance.now();
  try {
    const value = await work();
    const end = performance.now();
    gap(end);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { value, seconds: (end - start) / 1000, maxStallMs: round(maxStall), stallsOver50ms: over50, peakRssMB: Math.round(peakRss / MB) };
  } finally {
    clearInterval(timer);
  }
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}


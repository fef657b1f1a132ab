/** Median wall time of a synchronous function, after warm-up runs, in milliseconds. */
export function medianMs(run: () => unknown, { warmup = 20, samples = 101 } = {}): number {
  for (let index = 0; index < warmup; index++) run();
  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

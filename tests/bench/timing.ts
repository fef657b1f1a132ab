/** Median wall time of a synchronous function, after warm-up runs, in milliseconds. */
export function medianMs(run: () => unknown, { warmup = 20, samples = 101 } = {}): number {
  for (let index = 0; index < warmup; index++) run();
  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** What a benchmark reports: named figures, each with its unit and, where an issue sets one, a target. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The figure passes when it is at most this. */
  target?: number;
}

export interface Benchmark {
  title: string;
  run(): Promise<Figure[]>;
}

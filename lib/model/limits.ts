/**
 * The most and least an entry may hold. Apart from the schemas (entries.ts) so that a page can
 * check a field without loading the validation library: the popup's first paint imports this.
 */
export const LIMITS = {
  waterMl: { min: 1, max: 5000 },
  reps: { min: 0, max: 1000 },
  seconds: { min: 1, max: 6 * 3600 },
  weight: { min: 0, max: 1000 },
  distanceM: { min: 0, max: 500_000 },
  rpe: { min: 1, max: 10 },
  noteLength: 280,
  restDays: 60,
} as const;

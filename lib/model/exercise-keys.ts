/**
 * The message keys of an exercise's texts. Apart from the catalogue, which re-exports them, so
 * that a page naming an exercise (the popup's first paint) loads neither the catalogue nor the
 * validation library its schemas need.
 */
export function exerciseNameKey(id: string): string {
  return `exercise.${id}.name`;
}

export function exerciseCuesKey(id: string): string {
  return `exercise.${id}.cues`;
}

import type { DayStatus } from '../../lib/stats/streaks';

/**
 * A calendar cell's state: a day's status, `none` before the first day, or `free` for a day of a
 * weekly habit without it (not a miss: the week asks for some days, not each).
 */
export type CellState = DayStatus | 'none' | 'free';

/** A cell's side and the step from one cell to the next, in px. */
export const CELL = 11;
export const STEP = CELL + 2;

/** A rounded square as path data, its corner at (x, y). */
function square(x: number, y: number, size: number, radius: number): string {
  const side = size - 2 * radius;
  const corner = `a${radius},${radius} 0 0 1`;
  return (
    `M${x + radius},${y}h${side}${corner} ${radius},${radius}v${side}${corner} -${radius},${radius}` +
    `h-${side}${corner} -${radius},-${radius}v-${side}${corner} ${radius},-${radius}z`
  );
}

/** A dot as path data, centred in the cell at (x, y). */
function dot(x: number, y: number, radius: number): string {
  const centre = CELL / 2;
  return `M${x + centre - radius},${y + centre}a${radius},${radius} 0 1 0 ${2 * radius},0a${radius},${radius} 0 1 0 -${2 * radius},0z`;
}

/**
 * Each state's shape, so that states are told apart without their colours: met a filled square,
 * missed a small outlined one, a rest or pause a dot, today still open a dashed outline (drawn
 * by the stylesheet), no data or a free day a faint square.
 */
export function cellShape(state: CellState, x: number, y: number): string {
  switch (state) {
    case 'met':
    case 'none':
    case 'free':
      return square(x, y, CELL, 2);
    case 'missed':
      return square(x + 2, y + 2, CELL - 4, 1);
    case 'skipped':
      return dot(x, y, 2);
    case 'open':
      return square(x + 0.75, y + 0.75, CELL - 1.5, 2);
  }
}

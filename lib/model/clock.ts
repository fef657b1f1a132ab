/** Clock times as people type them ("14:30") and as settings keep them (minutes from midnight). */

export function formatClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes from midnight of "H:MM" or "HH:MM" (24:00 allowed as the end of a day); NaN if not a time. */
export function parseClock(text: string): number {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return Number.NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return Number.NaN;
  return hours * 60 + minutes;
}

/** A list of clock times, "11:00, 14:30, 17:00", as sorted minutes; undefined if any is not a time. */
export function parseClockList(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const minutes = parts.map(parseClock);
  return minutes.some(Number.isNaN) ? undefined : [...new Set(minutes)].sort((a, b) => a - b);
}

/**
 * Clock times as people read and type them ("2:30 PM" or "14:30", by their locale) and as
 * settings keep them (minutes from midnight, "14:30" in a time field).
 */

/** How a clock time is written for a locale: to the minute, or an axis's hour mark. */
export function timeFormat(
  locale: string | undefined,
  precision: 'minute' | 'hour' = 'minute',
): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(
    locale,
    precision === 'minute' ? { timeStyle: 'short' } : { hour: 'numeric' },
  );
}

/**
 * A time as people of `locale` write it, in their hour cycle: "2:30 PM" or "14:30" (an hour
 * mark: "2 PM" or "14"). Every page, field, axis and notification writes time with this;
 * `locale` undefined is the browser's.
 */
export function formatTime(
  at: number | Date,
  locale?: string,
  precision: 'minute' | 'hour' = 'minute',
): string {
  return timeFormat(locale, precision).format(at);
}

/** A clock time kept as minutes from midnight, as a moment formatTime writes (24:00 as midnight). */
export function timeOfDay(minutes: number): Date {
  return new Date(2000, 0, 1, 0, minutes);
}

/** "HH:MM", as a time field's value is written. */
export function formatClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const squeezed = (text: string) => text.toLowerCase().replace(/[\s.]/g, '');

/** Each minute of the day as `locale` writes it, squeezed, for reading it back. */
function writtenTimes(locale: string | undefined): Map<string, number> {
  const format = timeFormat(locale);
  const times = new Map<string, number>();
  for (let minutes = 0; minutes < 1440; minutes++)
    times.set(squeezed(format.format(timeOfDay(minutes))), minutes);
  return times;
}

let written: { locale: string | undefined; times: Map<string, number> } | undefined;

/**
 * Minutes from midnight of a time as people type it: "H:MM" or "HH:MM" (24:00 allowed as the end
 * of a day), "2:30 pm", "2 PM", or as `locale` writes it; NaN if not a time.
 */
export function parseClock(text: string, locale?: string): number {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?\s*$/i.exec(text);
  if (match && (match[2] !== undefined || match[3] !== undefined)) {
    const hours = Number(match[1]);
    const minutes = Number(match[2] ?? 0);
    if (minutes > 59) return Number.NaN;
    if (match[3] !== undefined) {
      if (hours < 1 || hours > 12) return Number.NaN;
      return ((hours % 12) + (match[3].toLowerCase() === 'p' ? 12 : 0)) * 60 + minutes;
    }
    if (hours > 24 || (hours === 24 && minutes > 0)) return Number.NaN;
    return hours * 60 + minutes;
  }
  if (!written || written.locale !== locale) written = { locale, times: writtenTimes(locale) };
  return written.times.get(squeezed(text)) ?? Number.NaN;
}

/**
 * A list of clock times, "11:00 AM, 2:30 PM" or "11:00 14:30", as sorted minutes; undefined if
 * any is not a time.
 */
export function parseClockList(text: string, locale?: string): number[] | undefined {
  const minutes: number[] = [];
  for (const part of text.split(/[,;、，]/)) {
    if (part.trim() === '') continue;
    const whole = parseClock(part, locale);
    const each = Number.isNaN(whole)
      ? part
          .split(/\s+/)
          .filter(Boolean)
          .map((word) => parseClock(word, locale))
      : [whole];
    if (each.some(Number.isNaN)) return undefined;
    minutes.push(...each);
  }
  return [...new Set(minutes)].sort((a, b) => a - b);
}

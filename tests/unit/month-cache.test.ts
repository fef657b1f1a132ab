import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEPT_MONTHS, MonthCache } from '../../lib/store/month-cache';
import { MemoryArea } from './quota-area';

const monthOf = (index: number) =>
  `${2020 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** A commit's months: a few of ten years, as any change may touch. */
const loads = fc.array(
  fc.array(fc.integer({ min: 0, max: 119 }).map(monthOf), { minLength: 1, maxLength: 8 }),
  { maxLength: 30 },
);

describe('the writer’s month cache', () => {
  it('keeps at most KEPT_MONTHS months after a commit, those it used last, whatever it touched', async () => {
    await fc.assert(
      fc.asyncProperty(loads, async (commits) => {
        const cache = new MonthCache(new MemoryArea(), 'devA1');
        for (const months of commits) {
          await cache.load(months);
          // Every month a commit works on is there while it works.
          for (const month of months) expect(cache.get(month).month.entries).toEqual([]);
          cache.trim();
          expect(cache.months.length).toBeLessThanOrEqual(KEPT_MONTHS);
          if (new Set(months).size <= KEPT_MONTHS)
            expect(cache.months).toEqual(expect.arrayContaining(months));
        }
      }),
    );
  });

  it('keeps the months of the last commit, and lets go of those used least recently', async () => {
    const cache = new MonthCache(new MemoryArea(), 'devA1', 3);
    for (const months of [['2026-01', '2026-02', '2026-03'], ['2026-01'], ['2026-04']]) {
      await cache.load(months);
      cache.trim();
    }
    expect(cache.months.sort()).toEqual(['2026-01', '2026-03', '2026-04']);
    expect(() => cache.get('2026-02')).toThrow('Month not loaded');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDayOfWeek, rowInWeek, weekdaysInOrder } from '../../lib/model/week-start';

describe('the first day of the week', () => {
  it.each([
    ['de', 1],
    ['fr', 1],
    ['es', 1],
    ['it', 1],
    ['pl', 1],
    ['ru', 1],
    ['en-GB', 1],
    ['en', 7],
    ['en-US', 7],
    ['ja', 7],
    ['zh-CN', 7],
    ['pt-BR', 7],
    ['pt', 7],
  ])('without week info from the browser, %s starts on ISO day %i (the table)', (locale, day) => {
    expect(firstDayOfWeek(locale)).toBe(day);
    expect(firstDayOfWeek(locale, {})).toBe(day);
  });

  it('takes the browser’s week info over the table', () => {
    expect(firstDayOfWeek('zh-CN', { firstDay: 1 })).toBe(1);
    expect(firstDayOfWeek('de', { firstDay: 7 })).toBe(7);
    expect(firstDayOfWeek('ar-EG', { firstDay: 6 })).toBe(6);
  });

  it('ignores week info that is no weekday', () => {
    expect(firstDayOfWeek('en-US', { firstDay: 0 })).toBe(7);
    expect(firstDayOfWeek('de', { firstDay: 8 })).toBe(1);
  });

  it('starts a locale it cannot read on Monday', () => {
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
});

describe('weekdays in display order', () => {
  it('lists Monday first in German and Sunday first in Japanese', () => {
    expect(weekdaysInOrder('de')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weekdaysInOrder('ja')).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(weekdaysInOrder('ar-EG', { firstDay: 6 })).toEqual([6, 7, 1, 2, 3, 4, 5]);
  });

  it('lists each weekday once, the first day first, each at its row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (firstDay) => {
        const order = weekdaysInOrder('de', { firstDay });
        expect(order[0]).toBe(firstDay);
        expect([...order].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
        order.forEach((weekday, row) => expect(rowInWeek(weekday, firstDay)).toBe(row));
      }),
    );
  });
});

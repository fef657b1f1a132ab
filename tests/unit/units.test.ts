import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertWeight,
  cupInUnit,
  cupsInUnit,
  USUAL_CUPS,
  weightFromKg,
  weightToKg,
  displayVolume,
  flOzToMl,
  mlToFlOz,
  roundTo,
  toKg,
  unitsOf,
  volumeToMl,
} from '../../lib/model/units';

describe('units', () => {
  it('converts weights the way a gym reads them', () => {
    expect(convertWeight({ amount: 135, unit: 'lb' }, 'kg')).toEqual({ amount: 61.2, unit: 'kg' });
    expect(convertWeight({ amount: 100, unit: 'kg' }, 'lb')).toEqual({ amount: 220.5, unit: 'lb' });
    expect(convertWeight({ amount: 1.25, unit: 'kg' }, 'kg')).toEqual({ amount: 1.25, unit: 'kg' });
    expect(toKg({ amount: 1, unit: 'lb' })).toBeCloseTo(0.45359237, 8);
  });

  it('converts water with whole millilitres and tenths of a fluid ounce', () => {
    expect(flOzToMl(8)).toBe(237);
    expect(mlToFlOz(250)).toBe(8.5);
    expect(mlToFlOz(500)).toBe(16.9);
    expect(displayVolume(249.6, 'ml')).toBe(250);
    expect(displayVolume(500, 'floz')).toBe(16.9);
    expect(volumeToMl(250.4, 'ml')).toBe(250);
    expect(volumeToMl(16.9, 'floz')).toBe(500);
  });

  it('rounds halves away from zero despite binary fractions', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.45, 1)).toBe(2.5);
  });

  it('round-trips any weight to the other unit and back at display precision', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('kg', 'lb'),
        (tenths, unit) => {
          const weight = { amount: tenths / 10, unit } as const;
          const other = unit === 'kg' ? 'lb' : 'kg';
          const back = convertWeight(
            { amount: toKg(weight) / (other === 'kg' ? 1 : 0.45359237), unit: other },
            unit,
          );
          expect(back.amount).toBeCloseTo(weight.amount, 1);
        },
      ),
    );
  });

  it('round-trips fluid ounces through stored millilitres', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (tenths) => {
        const flOz = tenths / 10;
        expect(mlToFlOz(flOzToMl(flOz))).toBe(flOz);
      }),
    );
  });

  it('round-trips stored millilitres through the metric display', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (ml) => {
        expect(volumeToMl(displayVolume(ml, 'ml'), 'ml')).toBe(ml);
      }),
    );
  });

  it('names the units of each system', () => {
    expect(unitsOf('metric')).toEqual({ weight: 'kg', volume: 'ml' });
    expect(unitsOf('imperial')).toEqual({ weight: 'lb', volume: 'floz' });
  });

  const CUPS = { min: 50, max: 2000 };

  it('turns the usual cups of one unit into the usual cups of the other', () => {
    const imperial = cupsInUnit(USUAL_CUPS.ml, 'floz', CUPS);
    expect(imperial).toEqual([237, 473]);
    expect(imperial.map((ml) => cupInUnit(ml, 'floz'))).toEqual([8, 16]);
    expect(cupsInUnit(imperial, 'ml', CUPS)).toEqual([250, 500]);
    expect(cupsInUnit([330, 2000], 'floz', CUPS).map((ml) => cupInUnit(ml, 'floz'))).toEqual([
      11, 67,
    ]);
  });

  it('shows any cup in imperial units as whole or half ounces a person pours', () => {
    fc.assert(
      fc.property(fc.integer({ min: CUPS.min, max: CUPS.max }), (ml) => {
        const ounces = cupInUnit(ml, 'floz');
        expect(Number.isInteger(ounces * 2)).toBe(true);
        expect(Math.abs(ounces - ml / 29.5735295625)).toBeLessThanOrEqual(0.25);
      }),
    );
  });

  it('round-trips half ounces typed for a cup through the stored millilitres', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 135 }), (halves) => {
        expect(cupInUnit(volumeToMl(halves / 2, 'floz'), 'floz')).toBe(halves / 2);
      }),
    );
  });

  it('converts cups to whole units within the limits, and again to the same', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: CUPS.min, max: CUPS.max }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('ml', 'floz'),
        (cups, unit) => {
          const converted = cupsInUnit(cups, unit, CUPS);
          for (const ml of converted) {
            expect(ml).toBeGreaterThanOrEqual(CUPS.min);
            expect(ml).toBeLessThanOrEqual(CUPS.max);
            expect(Number.isInteger(cupInUnit(ml, unit))).toBe(true);
          }
          expect(cupsInUnit(converted, unit, CUPS)).toEqual(converted);
        },
      ),
    );
  });

  it('round-trips a weight typed to a tenth through the kg kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('kg', 'lb'),
        (tenths, unit) => {
          expect(weightFromKg(weightToKg(tenths / 10, unit), unit)).toBe(tenths / 10);
        },
      ),
    );
    expect(weightFromKg(81.65, 'lb')).toBe(180);
  });
});

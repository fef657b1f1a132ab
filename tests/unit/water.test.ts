import { describe, expect, it } from 'vitest';
import { suggestedWaterGoalMl, waterGoalMl } from '../../lib/model/water';

describe('water goal', () => {
  it('suggests about 33 ml per kg, rounded to 50 ml, more on workout days', () => {
    expect(suggestedWaterGoalMl(70)).toBe(2300);
    expect(suggestedWaterGoalMl(70, true)).toBe(2800);
    expect(suggestedWaterGoalMl(100)).toBe(3300);
  });

  it('refuses an impossible body weight', () => {
    for (const weight of [0, 29, 301, Number.NaN])
      expect(() => suggestedWaterGoalMl(weight)).toThrow('invalid.bodyWeight');
  });

  it('prefers the user’s own goal, then the suggestion, then a default', () => {
    expect(waterGoalMl({ goalMl: 1800, bodyWeightKg: 90 }, true)).toBe(1800);
    expect(waterGoalMl({ bodyWeightKg: 60 }, false)).toBe(2000);
    expect(waterGoalMl({}, false)).toBe(2000);
    expect(waterGoalMl({}, false, 2500)).toBe(2500);
  });
});

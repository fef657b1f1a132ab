/** What prompts say, in English: every title the engine can produce fits a notification's title. */
import { describe, expect, it } from 'vitest';
import { BREATHING_PATTERNS, BREAK_MOVES, POSTURE_CUES } from '../../lib/model/catalogue';
import { NUDGE_KINDS } from '../../lib/model/entries';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { DAY_GOAL_BOUNDS } from '../../lib/stats/summary';
import { promptContent } from '../../lib/nudge/prompts';
import { englishTranslate } from './messages';

/** Firefox on Linux cuts a notification's title at about 40 characters ("Move now: Scapul..."). */
const TITLE_MAX = 40;

describe('prompt texts', () => {
  it('keeps every title within 40 characters: every move, pattern, cue, amount and unit', async () => {
    const t = await englishTranslate();
    const rotations = Math.max(POSTURE_CUES.length, BREATHING_PATTERNS.length, BREAK_MOVES.length);
    const titles = new Set<string>();
    for (const units of ['metric', 'imperial'] as const) {
      // Every break move in the rotation, band and floor ones too.
      const settings = { ...DEFAULT_SETTINGS, units, breakMoves: BREAK_MOVES.map((m) => m.id) };
      for (const kind of NUDGE_KINDS)
        for (let rotation = 0; rotation < rotations; rotation++)
          for (const goalMl of [DAY_GOAL_BOUNDS.min, 2000, DAY_GOAL_BOUNDS.max])
            titles.add(promptContent(t, kind, rotation, { todayMl: 0, goalMl }, settings).title);
    }
    expect(titles.size).toBeGreaterThanOrEqual(
      POSTURE_CUES.length + BREATHING_PATTERNS.length + BREAK_MOVES.length,
    );
    expect([...titles].filter((title) => title.length > TITLE_MAX)).toEqual([]);
  });

  it('names the move in the title and puts its amount with its cues in the message', async () => {
    const t = await englishTranslate();
    const water = { todayMl: 0, goalMl: 2000 };
    expect(promptContent(t, 'movement', 0, water, DEFAULT_SETTINGS)).toEqual({
      title: 'Move now: Scapular squeeze',
      message: expect.stringMatching(/^10–15 reps\. \S/),
      detail: 'scapularSqueeze',
    });
  });
});

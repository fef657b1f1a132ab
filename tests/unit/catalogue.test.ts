import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  BREATHING_PATTERNS,
  BREAK_MOVES,
  DEFAULT_BREAK_MOVES,
  breakRotation,
  EXERCISES,
  POSTURE_CUES,
  asExercise,
  breathingPattern,
  customExerciseSchema,
  cycleSeconds,
  exerciseCuesKey,
  exerciseNameKey,
  findExercise,
  postureTitleKey,
  hasVisibleCharacter,
  savedCustomExerciseSchema,
  sessionSeconds,
} from '../../lib/model/catalogue';
import { messageKeys } from './messages';

const custom = {
  id: 'custom-towelrow1',
  name: '  Towel row ',
  region: 'middle',
  measure: 'reps',
  updatedAt: 1,
} as const;

describe('catalogue', () => {
  it('has every exercise of the domain brief with a unique id', () => {
    const ids = EXERCISES.map((exercise) => exercise.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'bentOverRow',
      'pullUp',
      'deadlift',
      'supermanHold',
      'plankRow',
      'deadBug',
      'rowingMachine',
      'walk',
    ]) {
      expect(ids).toContain(id);
    }
    expect(EXERCISES.length).toBeGreaterThanOrEqual(30);
  });

  it('has a name and cues in the messages for every exercise, cue and pattern', async () => {
    const keys = await messageKeys();
    const wanted = [
      ...EXERCISES.flatMap((exercise) => [
        exerciseNameKey(exercise.id),
        exerciseCuesKey(exercise.id),
      ]),
      ...POSTURE_CUES,
      ...POSTURE_CUES.map(postureTitleKey),
      ...BREATHING_PATTERNS.flatMap((pattern) => [
        `breathing.pattern.${pattern.id}.name`,
        `breathing.pattern.${pattern.id}.description`,
        ...pattern.phases.map(({ phase }) => `breathing.phase.${phase}`),
      ]),
    ];
    expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('measures holds in seconds and cardio in minutes', () => {
    expect(findExercise('supermanHold')?.measure).toBe('hold');
    expect(findExercise('plank')?.prescription).toEqual({ sets: 3, holdSeconds: [30, 60] });
    expect(findExercise('rowingMachine')).toMatchObject({
      measure: 'duration',
      tracksDistance: true,
    });
    expect(findExercise('birdDog')?.measure).toBe('repsPerSide');
  });

  it('offers only moves that work at a desk in office clothes by default', () => {
    const desk = breakRotation(DEFAULT_BREAK_MOVES);
    expect(desk.map((move) => move.id)).toEqual(
      expect.arrayContaining(['chinTuck', 'wallAngel', 'scapularSqueeze', 'walk']),
    );
    expect(desk.every((move) => move.breakMove === 'desk')).toBe(true);
    expect(desk.map((move) => move.id)).not.toContain('supermanHold');
  });

  it('offers floor and band moves only when chosen, and the desk moves when nothing known is', () => {
    expect(breakRotation(['supermanHold', 'bandPullApart']).map((move) => move.id)).toEqual([
      'bandPullApart',
      'supermanHold',
    ]);
    expect(breakRotation(['gone']).map((move) => move.id)).toEqual([...DEFAULT_BREAK_MOVES]);
    expect(BREAK_MOVES.filter((move) => move.breakMove === 'floor').map((move) => move.id)).toEqual(
      ['supermanHold', 'plank', 'birdDog', 'deadBug'],
    );
  });

  it('times breathing patterns exactly', () => {
    const box = breathingPattern('box')!;
    expect(box.phases.map((phase) => phase.seconds)).toEqual([4, 4, 4, 4]);
    expect(breathingPattern('fourSevenEight')!.phases.map((phase) => phase.seconds)).toEqual([
      4, 7, 8,
    ]);
    expect(cycleSeconds(breathingPattern('resonant')!)).toBe(10); // six breaths a minute
    expect(breathingPattern('physiologicalSigh')!.phases.map((phase) => phase.phase)).toEqual([
      'inhale',
      'topUpInhale',
      'exhale',
    ]);
    for (const pattern of BREATHING_PATTERNS) {
      expect(sessionSeconds(pattern)).toBeGreaterThanOrEqual(90);
      expect(sessionSeconds(pattern)).toBeLessThanOrEqual(300);
    }
    expect(breathingPattern('nope')).toBeUndefined();
  });

  it('accepts a valid custom exercise, trimming its name, and treats it like a built-in', () => {
    const parsed = v.parse(customExerciseSchema, custom);
    expect(parsed.name).toBe('Towel row');
    expect(findExercise(parsed.id, [parsed])).toEqual({
      id: 'custom-towelrow1',
      region: 'middle',
      equipment: [],
      measure: 'reps',
      prescription: { sets: 3, reps: [8, 12] },
    });
    expect(findExercise('custom-unknown', [parsed])).toBeUndefined();
  });

  it.each(['\u200B', ' \u200B\u200D ', '\u2060\uFEFF', '\u3164', '\u200E\u00AD\t'])(
    'refuses to save a name that shows nothing (%#), but reads one stored or archived',
    (name) => {
      const saved = v.safeParse(savedCustomExerciseSchema, { ...custom, name });
      expect(saved.issues?.[0].message).toBe('invalid.customExercise.name');
      expect(v.is(customExerciseSchema, { ...custom, name })).toBe(true);
      expect(v.is(savedCustomExerciseSchema, { ...custom, name, archived: true })).toBe(true);
    },
  );

  it('keeps a name with a visible character among invisible ones', () => {
    for (const name of ['\u200BRow', 'A', '👍', '行', 'Row\u200D1']) {
      expect(hasVisibleCharacter(name), name).toBe(true);
      expect(v.is(savedCustomExerciseSchema, { ...custom, name }), name).toBe(true);
    }
  });

  it.each([
    [{ ...custom, name: '   ' }, 'invalid.customExercise.name'],
    [{ ...custom, name: 'x'.repeat(61) }, 'invalid.customExercise.name'],
    [{ ...custom, id: 'bentOverRow' }, 'invalid.customExercise.id'],
    [{ ...custom, region: 'legs' }, 'invalid.customExercise.region'],
    [{ ...custom, measure: 'weight' }, 'invalid.customExercise.measure'],
    [{ ...custom, cues: 'y'.repeat(201) }, 'invalid.customExercise.cues'],
  ])('refuses a custom exercise with a clear message (%#)', (input, message) => {
    const result = v.safeParse(customExerciseSchema, input);
    expect(result.success).toBe(false);
    expect(result.issues?.[0].message).toBe(message);
  });

  it('gives custom exercises a prescription from how they are measured', () => {
    expect(asExercise({ ...custom, measure: 'hold' }).prescription).toEqual({
      sets: 3,
      holdSeconds: [20, 40],
    });
    expect(asExercise({ ...custom, measure: 'duration' }).prescription).toEqual({
      minutes: [10, 20],
    });
    expect(asExercise({ ...custom, measure: 'repsPerSide' }).prescription).toEqual({
      sets: 3,
      reps: [8, 12],
    });
  });
});

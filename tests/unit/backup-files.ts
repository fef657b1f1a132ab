/**
 * A valid backup, broken ones each with the refusal it must get, and valid ones with an entry
 * that is left out, each with its reason.
 */
import { createBackup, serializeBackup } from '../../lib/store/backup';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';

const AT = Date.UTC(2026, 10, 24, 12);
/** The clock the unit tests parse files at: a day after the valid file's entries. */
export const PARSE_NOW = AT + 86_400_000;
const LATE = Date.UTC(2199, 0, 1, 12);

export function validBackup(): Record<string, unknown> {
  const entries = [
    {
      id: `devA1-${AT.toString(36)}`,
      at: AT,
      day: '2026-11-24',
      device: 'devA1',
      kind: 'water',
      ml: 250,
    },
    {
      id: `devA1-${(AT + 1).toString(36)}`,
      at: AT + 1,
      day: '2026-11-24',
      device: 'devA1',
      kind: 'set',
      exercise: 'deadlift',
      reps: 5,
      weight: { amount: 100, unit: 'kg' },
    },
  ] as const;
  return JSON.parse(
    serializeBackup(
      createBackup(
        DEFAULT_SETTINGS,
        [
          {
            id: 'custom-towel1',
            name: 'Towel row',
            region: 'middle',
            measure: 'reps',
            updatedAt: 1,
          },
        ],
        entries as never,
        AT,
      ),
    ),
  );
}

const withEntry = (changes: Record<string, unknown>, index = 0) => {
  const file = validBackup();
  const entries = file.entries as Record<string, unknown>[];
  entries[index] = { ...entries[index], ...changes };
  return JSON.stringify(file);
};
const withFile = (changes: Record<string, unknown>) =>
  JSON.stringify({ ...validBackup(), ...changes });

/** [name, file text, expected message key]: files that are no Backbone file, or damaged. */
export const BROKEN_FILES: [string, string, string][] = [
  ['empty', '', 'import.notJson'],
  ['not json', 'hello', 'import.notJson'],
  ['truncated', JSON.stringify(validBackup()).slice(0, 120), 'import.notJson'],
  ['a number', '42', 'import.notBackup'],
  ['null', 'null', 'import.notBackup'],
  ['a list', JSON.stringify([validBackup()]), 'import.notBackup'],
  ['another format', JSON.stringify({ format: 'loop-habits', version: 1 }), 'import.notBackup'],
  ['no version', withFile({ version: undefined }), 'import.notBackup'],
  ['version zero', withFile({ version: 0 }), 'import.notBackup'],
  ['future version', withFile({ version: 2 }), 'import.newerVersion'],
  ['settings from the future', withFile({ settings: { v: 99 } }), 'import.newerVersion'],
  ['broken settings', withFile({ settings: { v: 2, units: 'cubits' } }), 'import.invalidSettings'],
  ['entries not a list', withFile({ entries: {} }), 'import.notBackup'],
  ['no entries', withFile({ entries: undefined }), 'import.notBackup'],
  ['no export time', withFile({ exportedAt: '2026-11-24' }), 'import.notBackup'],
  ['no settings', withFile({ settings: undefined }), 'import.invalidSettings'],
  ['custom exercises not a list', withFile({ customExercises: 'none' }), 'import.notBackup'],
  [
    'custom exercise without a name',
    withFile({
      customExercises: [
        { id: 'custom-x1234', name: '', region: 'core', measure: 'reps', updatedAt: 1 },
      ],
    }),
    'invalid.customExercise.name',
  ],
  [
    'settings changed at 1e308',
    withFile({ settings: { ...(validBackup().settings as object), updatedAt: 1e308 } }),
    'import.invalidSettings',
  ],
  [
    'custom exercise changed in the far future',
    withFile({
      customExercises: [
        { id: 'custom-x1234', name: 'Row', region: 'core', measure: 'reps', updatedAt: 1e308 },
      ],
    }),
    'invalid.future',
  ],
  [
    'custom exercise with a field Backbone does not write',
    withFile({
      customExercises: [
        { id: 'custom-x1234', name: 'Row', region: 'core', measure: 'reps', updatedAt: 1, x: 1 },
      ],
    }),
    'import.invalidPart',
  ],
  [
    'oversized',
    `{"format":"backbone-backup","padding":"${'x'.repeat(64 * 1024 * 1024)}"}`,
    'import.tooLarge',
  ],
];

/** [name, file text, the reason one entry is left out]: the file's other entries are imported. */
export const FILES_WITH_AN_ENTRY_LEFT_OUT: [string, string, string][] = [
  ['water out of range', withEntry({ ml: 99_999 }), 'invalid.waterMl'],
  ['negative reps', withEntry({ reps: -3 }, 1), 'invalid.reps'],
  ['impossible date', withEntry({ day: '2026-02-31' }), 'invalid.day'],
  ['instant from 1970', withEntry({ at: 5, id: 'devA1-5' }), 'invalid.instant'],
  ['unknown kind', withEntry({ kind: 'coffee' }), 'invalid.entryKind'],
  ['unknown field', withEntry({ mood: 'great' }), 'invalid.entry'],
  ['id not matching', withEntry({ id: 'devA1-zzzzzz' }), 'import.entryIdMismatch'],
  ['id of another device', withEntry({ id: `devB2-${AT.toString(36)}` }), 'import.entryIdMismatch'],
  ['day 9999-12-31 at an instant of 2026', withEntry({ day: '9999-12-31' }), 'invalid.dayMismatch'],
  ['day 1970-01-01 at an instant of 2026', withEntry({ day: '1970-01-01' }), 'invalid.dayMismatch'],
  ['unknown exercise', withEntry({ exercise: 'zzzz' }, 1), 'invalid.unknownExercise'],
  [
    'exercise named constructor',
    withEntry({ exercise: 'constructor' }, 1),
    'invalid.unknownExercise',
  ],
  [
    'a __proto__ key',
    JSON.stringify(validBackup()).replace('"kind":"water"', '"__proto__":{"ml":1},"kind":"water"'),
    'invalid.entry',
  ],
  [
    'an entry still to come',
    withEntry({ at: LATE, id: `devA1-${LATE.toString(36)}`, day: '2199-01-01' }),
    'invalid.future',
  ],
  [
    'duplicate entry',
    (() => {
      const file = validBackup();
      (file.entries as unknown[]).push((file.entries as unknown[])[0]);
      return JSON.stringify(file);
    })(),
    'import.duplicateEntry',
  ],
];

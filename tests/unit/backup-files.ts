/** A valid backup and a set of broken ones, each with the refusal it must get. */
import { createBackup, serializeBackup } from '../../lib/backup';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const AT = Date.UTC(2026, 10, 24, 12);

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

/** [name, file text, expected message key] */
export const BROKEN_FILES: [string, string, string][] = [
  ['empty', '', 'import.notJson'],
  ['not json', 'hello', 'import.notJson'],
  ['truncated', JSON.stringify(validBackup()).slice(0, 120), 'import.notJson'],
  ['a number', '42', 'import.notBackup'],
  ['another format', JSON.stringify({ format: 'loop-habits', version: 1 }), 'import.notBackup'],
  ['no version', withFile({ version: undefined }), 'import.notBackup'],
  ['version zero', withFile({ version: 0 }), 'import.notBackup'],
  ['future version', withFile({ version: 2 }), 'import.newerVersion'],
  ['settings from the future', withFile({ settings: { v: 99 } }), 'import.newerVersion'],
  ['broken settings', withFile({ settings: { v: 2, units: 'cubits' } }), 'import.invalidSettings'],
  ['entries not a list', withFile({ entries: {} }), 'import.notBackup'],
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
  ['water out of range', withEntry({ ml: 99_999 }), 'invalid.waterMl'],
  ['negative reps', withEntry({ reps: -3 }, 1), 'invalid.reps'],
  ['impossible date', withEntry({ day: '2026-02-31' }), 'invalid.day'],
  ['instant from 1970', withEntry({ at: 5, id: 'devA1-5' }), 'invalid.instant'],
  ['unknown kind', withEntry({ kind: 'coffee' }), 'invalid.entryKind'],
  ['unknown field', withEntry({ mood: 'great' }), 'invalid.entry'],
  ['id not matching', withEntry({ id: 'devA1-zzzzzz' }), 'import.entryIdMismatch'],
  [
    'duplicate entry',
    (() => {
      const file = validBackup();
      (file.entries as unknown[]).push((file.entries as unknown[])[0]);
      return JSON.stringify(file);
    })(),
    'import.duplicateEntry',
  ],
  [
    'oversized',
    `{"format":"backbone-backup","padding":"${'x'.repeat(64 * 1024 * 1024)}"}`,
    'import.tooLarge',
  ],
];

/**
 * Workout sessions and the user's own routines in the options' data part: the JSON export
 * imported through the options' import in a fresh browser brings the routines and the session
 * history back, and the CSV exports give a row a session and a row an exercise of a routine.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { OwnRoutines } from '../../lib/model/routines';
import {
  LOCAL_KEYS,
  readVersioned,
  routinesFormat,
  sessionHistoryFormat,
  SYNC_KEYS,
} from '../../lib/store/items';
import { expect, test } from './fixtures';
import { launchExtension } from './launch';
import { chooseImportFile, dataMessage } from './pages';
import { storageArea } from './storage';
import { callHandler, type Background } from './worker';

/** A back day with one set, ended, and a routine of the user's own in the rotation. */
async function workedOut(worker: Background) {
  await callHandler(worker, 'startSession', { routine: 'backDay' });
  await callHandler(worker, 'logSessionSet', {
    slot: 0,
    set: {
      kind: 'set',
      exercise: 'bentOverRow',
      reps: 12,
      weight: { amount: 20, unit: 'kg' },
      at: Date.now(),
    },
  });
  await callHandler(worker, 'endSession', {});
  const routines: OwnRoutines = {
    routines: [
      {
        id: 'own-pullday1',
        name: 'Pull day',
        focus: 'back',
        exercises: [
          { exercise: 'pullUp', sets: 3, restSeconds: 120 },
          { exercise: 'facePull', sets: 2, reps: [12, 15], restSeconds: 60 },
        ],
        updatedAt: Date.now(),
      },
    ],
    rotation: ['own-pullday1', 'backDay'],
    updatedAt: Date.now(),
  };
  await callHandler(worker, 'saveRoutines', { routines });
}

async function workouts(worker: Background) {
  const local = await storageArea(worker, 'local');
  const sync = await storageArea(worker, 'sync');
  return {
    sessions: readVersioned(sessionHistoryFormat, local[LOCAL_KEYS.sessions]).value.sessions,
    routines: readVersioned(routinesFormat, sync[SYNC_KEYS.routines]).value,
  };
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('the JSON export imported through the options in a fresh browser brings the routines and sessions back', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await workedOut(worker);
  const before = await workouts(worker);
  expect(before.sessions).toHaveLength(1);
  const file = await download(options.page, 'Export everything (JSON)');

  const fresh = await launchExtension();
  try {
    const page = await fresh.context.newPage();
    await page.goto(fresh.url('options.html'));
    await chooseImportFile(page, file.text);
    await expect
      .poll(() => page.getByTestId('import-workouts').textContent())
      .toMatch(/Finished workout sessions in this file: 1\.\s+Your own routines in this file: 1\./);
    await page.getByRole('button', { name: 'Replace everything with this file' }).click();
    await expect.poll(() => dataMessage(page)).toContain('Replaced');
    const after = await workouts(await fresh.worker());
    expect(after.sessions).toEqual(before.sessions);
    expect(after.routines).toEqual(before.routines);
    // The options list the routine as the user's own again.
    await expect.poll(() => page.getByTestId('own-routines').textContent()).toContain('Pull day');
  } finally {
    await fresh.close();
  }
});

test('sessions and routines export as CSV, a row a session and a row an exercise', async ({
  extension,
  options,
}) => {
  await workedOut(await extension.worker());
  const sessions = await download(options.page, 'Export sessions (CSV)');
  expect(sessions.name).toMatch(/^backbone-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
  const sessionRows = sessions.text.trim().split('\r\n');
  expect(sessionRows[0]).toBe(
    'id,routine,routine_name,day,started_at,ended_at,end,exercises,sets,volume_kg,active_min,records',
  );
  expect(sessionRows.slice(1)).toEqual([
    expect.stringMatching(
      /^[^,]+,backDay,Back day,\d{4}-\d{2}-\d{2},[^,]+Z,[^,]+Z,ended,1,1,240,\d+,\d+$/,
    ),
  ]);

  const routines = await download(options.page, 'Export routines (CSV)');
  expect(routines.name).toMatch(/^backbone-routines-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(
    routines.text
      .trim()
      .split('\r\n')
      .map((row) => row.replace(/,[^,]+Z$/, '')),
  ).toEqual([
    'routine,name,focus,rotation,position,exercise,sets,reps_min,reps_max,hold_min_s,hold_max_s,rest_s,updated_at',
    'own-pullday1,Pull day,back,1,1,pullUp,3,,,,,120',
    'own-pullday1,Pull day,back,1,2,facePull,2,12,15,,,60',
  ]);
});

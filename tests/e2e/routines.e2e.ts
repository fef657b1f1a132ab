import type { Worker } from 'playwright-core';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { readVersioned, routinesFormat } from '../../lib/store/items';
import type { OwnRoutines } from '../../lib/model/routines';
import { storageArea } from './storage';

async function storedRoutines(worker: Worker): Promise<OwnRoutines> {
  return readVersioned(routinesFormat, (await storageArea(worker, 'sync')).routines).value;
}

const exerciseOrder = async (worker: Worker) =>
  (await storedRoutines(worker)).routines[0]?.exercises.map((exercise) => exercise.exercise);

test('a ready routine copied into the user’s own is changed, reordered and deleted in sync', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  const section = page.getByRole('region', { name: 'Routines' });
  await section
    .getByRole('button', { name: 'Copy Back day into your routines', exact: true })
    .click();
  await expect
    .poll(async () => (await storedRoutines(worker)).routines.map((routine) => routine.name))
    .toEqual(['Back day']);

  // The copy opens for changes: a set count is saved when the field is left.
  const sets = section.getByLabel('Sets of Bent-over row', { exact: true });
  await sets.fill('4');
  await sets.press('Tab');
  await expect
    .poll(async () => (await storedRoutines(worker)).routines[0]?.exercises[0]?.sets)
    .toBe(4);

  // A value out of range is said at its field, and nothing is saved.
  await sets.fill('0');
  await sets.press('Tab');
  await expect.poll(() => sets.getAttribute('aria-invalid')).toBe('true');
  await expect
    .poll(() => section.getByRole('alert').first().textContent())
    .toBe('Enter from 1 to 10 sets.');
  expect((await storedRoutines(worker)).routines[0]?.exercises[0]?.sets).toBe(4);
  await sets.fill('5');
  await sets.press('Tab');
  await expect.poll(() => sets.getAttribute('aria-invalid')).toBe('false');

  // Reordering from the keyboard: the deadlift moves above the pull-up.
  const up = section.getByRole('button', { name: 'Move Deadlift up' });
  await up.focus();
  await up.press('Enter');
  await expect
    .poll(() => exerciseOrder(worker))
    .toEqual(['bentOverRow', 'latPulldown', 'deadlift', 'pullUp', 'supermanHold', 'plankRow']);
  // The focus follows the deadlift: a second Enter moves it once more.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe('Move Deadlift up');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => exerciseOrder(worker))
    .toEqual(['bentOverRow', 'deadlift', 'latPulldown', 'pullUp', 'supermanHold', 'plankRow']);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => exerciseOrder(worker))
    .toEqual(['deadlift', 'bentOverRow', 'latPulldown', 'pullUp', 'supermanHold', 'plankRow']);
  // At the top, where it moves up no more, the focus is on its other move button.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe('Move Deadlift down');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => exerciseOrder(worker))
    .toEqual(['bentOverRow', 'latPulldown', 'deadlift', 'pullUp', 'supermanHold', 'plankRow']);
  await section.getByRole('button', { name: 'Move Bent-over row down' }).click();
  await expect
    .poll(() => exerciseOrder(worker))
    .toEqual(['latPulldown', 'bentOverRow', 'deadlift', 'pullUp', 'supermanHold', 'plankRow']);
  expect((await storedRoutines(worker)).routines[0]?.exercises[1]?.sets).toBe(5);

  // Renamed, a plank added from the search (a hold, timed), the copy put in the rotation.
  const name = section.getByLabel('Routine name', { exact: true });
  await name.fill('My back day');
  await name.press('Tab');
  await expect
    .poll(async () => (await storedRoutines(worker)).routines[0]?.name)
    .toBe('My back day');
  const search = section.getByRole('combobox');
  await search.fill('Plank');
  await section.getByRole('option', { name: 'Plank', exact: true }).click();
  await expect
    .poll(async () => (await storedRoutines(worker)).routines[0]?.exercises.at(-1))
    .toMatchObject({ exercise: 'plank', holdSeconds: [20, 30] });
  await section.getByRole('checkbox', { name: 'My back day', exact: true }).check();
  await expect.poll(async () => (await storedRoutines(worker)).rotation.length).toBe(2);
  expect(await seriousViolations(page)).toEqual([]);

  await section.getByRole('button', { name: 'Delete My back day' }).click();
  await expect.poll(async () => (await storedRoutines(worker)).routines).toEqual([]);
  expect((await storedRoutines(worker)).rotation).toEqual(['backDay']);
  await expect
    .poll(() => section.getByTestId('own-routines').getByRole('listitem').count())
    .toBe(0);
});

import type { Worker } from 'playwright-core';
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
  await section.getByRole('button', { name: 'Move Bent-over row down' }).click();
  await expect
    .poll(() => exerciseOrder(worker))
    .toEqual(['latPulldown', 'bentOverRow', 'deadlift', 'pullUp', 'supermanHold', 'plankRow']);
  expect((await storedRoutines(worker)).routines[0]?.exercises[1]?.sets).toBe(5);

  await section.getByRole('button', { name: 'Delete Back day' }).click();
  await expect.poll(async () => (await storedRoutines(worker)).routines).toEqual([]);
  await expect
    .poll(() => section.getByTestId('own-routines').getByRole('listitem').count())
    .toBe(0);
});

import { test, expect } from './fixtures';

test('the popup opens and logs a glass of water through the background worker', async ({
  popup,
}) => {
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml of 2,000 ml');
  await popup.addCupButton('250 ml').click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('250 ml of 2,000 ml');
});

test('the options page opens in a tab and reaches the worker', async ({ options }) => {
  await expect.poll(() => options.workerStatus.textContent()).toContain('Background ready');
  await expect
    .poll(() => options.page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Backbone settings');
});

test('the manifest asks for exactly the permissions the extension needs', async ({ extension }) => {
  const worker = await extension.worker();
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions?.toSorted()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
  expect(manifest.host_permissions ?? []).toEqual([]);
});

test('a malformed message is answered with an error', async ({ popup }) => {
  const replies = await popup.page.evaluate(async () => [
    await chrome.runtime.sendMessage({ type: 'noSuchMessage', data: {} }),
    await chrome.runtime.sendMessage({ type: 'getStatus', data: { extra: 1 } }),
  ]);
  // Refused in words a page can show (an i18n key and its parameters), never a validator's text.
  expect(replies[0]).toEqual({
    ok: false,
    error: { key: 'error.unknownMessage', params: ['noSuchMessage'] },
  });
  expect(replies[1]).toEqual({
    ok: false,
    error: { key: 'invalid.request.unexpectedField', params: ['getStatus', 'extra'] },
  });
});

test('the harness notices console errors and outside requests', async ({ extension, popup }) => {
  await popup.page.evaluate(() => console.error('deliberate'));
  await popup.page.evaluate(() => fetch('http://127.0.0.1:9/').catch(() => undefined));
  await expect.poll(() => extension.problems.length).toBeGreaterThanOrEqual(2);
  expect(extension.problems.join('\n')).toContain('deliberate');
  expect(extension.problems.join('\n')).toContain('network request: http://127.0.0.1:9/');
  extension.problems.length = 0;
});

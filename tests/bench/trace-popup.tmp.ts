import { writeFileSync } from 'node:fs';
import { launchExtension } from '../e2e/launch';
import { writeYearFromThreeDevices } from '../e2e/sample-history';

const dir = process.argv[2] ?? '/tmp/b-base';
const extension = await launchExtension({ extensionDir: dir });
const worker = await extension.worker();
await writeYearFromThreeDevices(worker);
for (let i = 0; i < 3; i++) {
  const page = await extension.context.newPage();
  await page.goto(extension.url('popup.html'));
  await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
  await page.close();
}
const anchor = await extension.context.newPage();
const cdp = await extension.context.newCDPSession(anchor);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', {
  traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] },
});
for (let i = 0; i < 8; i++) {
  const page = await extension.context.newPage();
  await page.goto(extension.url('popup.html'));
  await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
  await page.close();
}
await cdp.send('Tracing.end');
await done;
writeFileSync('/tmp/trace.json', JSON.stringify(events));
await extension.close();

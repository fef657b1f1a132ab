import { launchExtension } from '/work/main/tests/e2e/launch';
const extension = await launchExtension({ extensionDir: '/tmp/b-base' });
const page = await extension.context.newPage();
await page.goto(extension.url('guide.html'));
console.log(await page.evaluate(() => [typeof (globalThis as any).browser, (globalThis as any).browser?.runtime?.id, (globalThis as any).browser === (globalThis as any).chrome, navigator.userAgent].join(' | ')));
await extension.close();

import { launchExtension } from '../e2e/launch';
import { writeYearFromThreeDevices } from '../e2e/sample-history';
for (const [name, dir] of [['base', '/tmp/b-base'], ['now', '/work/main/.output/chrome-mv3-e2e']]) {
  const extension = await launchExtension({ extensionDir: dir });
  await writeYearFromThreeDevices(await extension.worker());
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(extension.url('popup.html'));
  await page.getByRole('button', { name: /^Repeat: / }).waitFor();
  await page.waitForTimeout(500);
  console.log(name, await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height));
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  await extension.close();
}

import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeCommands, fakeIdle } from './fakes';

// fakeBrowser lacks idle and commands; code under test reaches them through `browser` as usual.
Object.assign(fakeBrowser, { idle: fakeIdle, commands: fakeCommands });
// Nor does it know its UI language: the tests' browser speaks English.
Object.assign(fakeBrowser.i18n, {
  getUILanguage: () => 'en',
  getMessage: (key: string) => (key === 'app_language' ? 'en' : ''),
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeIdle.reset();
  fakeCommands.reset();
});

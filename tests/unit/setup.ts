import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeCommands, fakeIdle } from './fakes';

// fakeBrowser lacks idle and commands; code under test reaches them through `browser` as usual.
Object.assign(fakeBrowser, { idle: fakeIdle, commands: fakeCommands });

beforeEach(() => {
  fakeBrowser.reset();
  fakeIdle.reset();
  fakeCommands.reset();
});

/**
 * What `wxt/browser` is in the build (wxt.config.ts points it here): webextension-polyfill,
 * required from CommonJS. Imported from an ES module instead, the bundler copies every property
 * of the polyfill's result into a namespace object as the page starts; where the browser has its
 * own `browser` (Chromium and Firefox do), the polyfill returns that object, and reading each of
 * its properties builds every extension API at once: tens of milliseconds before the popup can
 * paint, and before the worker can answer.
 */
module.exports = { browser: require('webextension-polyfill') };

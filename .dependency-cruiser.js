/**
 * The import rules of the extension's code (lib/, components/, entrypoints/), checked by
 * `npm run check:imports`. lib/ is in layers, lowest first: each imports its own layer and those
 * below it, never one above, and no layer of the domain reaches the browser (lib/adapters/ does
 * that for it); the pages reach it through lib/adapters/ too. Type-only imports count.
 */

/** The layers of lib/, lowest first; folders on one line are one layer. */
const LAYERS = ['model', 'stats', 'store', 'nudge|sync', 'messaging', 'app'];

/**
 * `wxt/browser`, `webextension-polyfill`, `#imports` and the messages, `#i18n`, as resolved. The
 * last two are WXT's aliases for TypeScript (.wxt/tsconfig.json), which stay as written here.
 */
const BROWSER = '^(node_modules/(wxt|webextension-polyfill|@wxt-dev)/|\\.wxt/|#(imports|i18n)$)';

const layerRules = LAYERS.map((layer, index) => {
  const above = [...LAYERS.slice(index + 1), 'adapters'].join('|');
  return {
    name: `lib/${layer}: no import up`,
    comment: `lib/${layer} may import its own layer and those below it, not ${above}.`,
    severity: 'error',
    from: { path: `^lib/(${layer})/` },
    to: { path: `^lib/(${above})/` },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no circle',
      comment:
        'A circle of imports has no lowest file: none can be read or tested without the rest.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'An import the rules cannot follow escapes them: import by relative path.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^#(imports|i18n)$' },
    },
    ...layerRules,
    {
      name: 'domain: no browser',
      comment: 'The domain is given the browser: use or add an adapter in lib/adapters/.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/adapters/' },
      to: { path: BROWSER },
    },
    {
      name: 'components: no browser',
      comment: 'Pages reach the browser, its messages (#i18n) included, through lib/adapters/.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: BROWSER },
    },
  ],
  options: {
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // Packages resolve through their exports, as in the build (`wxt/browser` is one of them).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};

/**
 * The server copies of Svelte components the worker renders the popup's first paint with
 * (components/popup/first-paint-html.ts). The extension's builds are client builds: this plugin
 * compiles for the server only what that module imports, directly or through other server
 * copies, under ids of their own, so the pages' client copies are untouched.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { compile, compileModule, type CompileOptions } from 'svelte/compiler';
import { transformWithOxc, type Plugin } from 'vite';

const projectRoot = resolve(import.meta.dirname, '..');

/** The module whose Svelte imports are compiled for the server. */
const SERVER_RENDER_ENTRY = resolve(projectRoot, 'components/popup/first-paint-html.ts');

/**
 * A server copy's id: out of reach of vite-plugin-svelte, which would compile anything named
 * `.svelte` or `.svelte.ts` for the client.
 */
const PREFIX = '\0svelte-server:';
const paths = new Map<string, string>();
function serverCopyId(path: string): string {
  const id = `${PREFIX}${relative(projectRoot, path).replace('.svelte', '-svelte')}.js`;
  paths.set(id, path);
  return id;
}

/**
 * Scoped class names from the component's path: the same in a client and a server copy, so the
 * worker's HTML takes the popup's stylesheet, and the same on every machine that builds it.
 */
export const cssHash: NonNullable<CompileOptions['cssHash']> = ({ filename, hash }) =>
  `svelte-${hash(relative(projectRoot, resolve(filename ?? '')))}`;

const SVELTE_SERVER = resolve(projectRoot, 'node_modules/svelte/src/index-server.js');

/**
 * Node's modules that Svelte's server runtime reaches for only where the worker's render never
 * goes (rendering asynchronously; hashing without Web Crypto): nothing of them is bundled, and no
 * import of a name made at run time is left for a store's review to flag.
 */
const NODE_ONLY = '\0svelte-server:node-only';
const NODE_MODULES_OF_SVELTE = new Set(['node:async_hooks']);
const SVELTE_CRYPTO = /\/svelte\/src\/internal\/server\/crypto\.js$/;

const isSvelteModule = (path: string) => /\.svelte(\.[jt]s)?$/.test(path);

export function svelteServerCopies(): Plugin {
  return {
    name: 'backbone:svelte-server-copies',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (NODE_MODULES_OF_SVELTE.has(source) && importer?.includes('/node_modules/svelte/')) {
        return NODE_ONLY;
      }
      if (!importer) return null;
      const fromServerCopy = importer.startsWith(PREFIX);
      if (!fromServerCopy && importer !== SERVER_RENDER_ENTRY) return null;
      // Svelte's own server half (onMount and tick as the server has them), not its browser one.
      if (source === 'svelte') return SVELTE_SERVER;
      const realImporter = fromServerCopy ? paths.get(importer)! : importer;
      const resolved = await this.resolve(source, realImporter, { skipSelf: true });
      if (!resolved) return null;
      return isSvelteModule(resolved.id) ? serverCopyId(resolved.id) : resolved;
    },
    transform(code, id) {
      if (!SVELTE_CRYPTO.test(id)) return null;
      const runtimeImport = /import\(\/\* @vite-ignore \*\/ module_name\)/;
      if (!runtimeImport.test(code)) throw new Error(`Svelte's ${id} changed: look again here`);
      return code.replace(runtimeImport, 'Promise.reject(new Error(`No ${module_name} here`))');
    },
    async load(id) {
      if (id === NODE_ONLY) return 'export {};';
      const filename = paths.get(id);
      if (!filename) return null;
      const source = await readFile(filename, 'utf8');
      this.addWatchFile(filename);
      const js = filename.endsWith('.svelte')
        ? compile(source, { filename, generate: 'server', css: 'external', cssHash }).js.code
        : compileModule((await transformWithOxc(source, filename, { lang: 'ts' })).code, {
            filename,
            generate: 'server',
          }).js.code;
      // The first paint draws what the popup shows before it loads anything: the parts it
      // imports later are never drawn here, and their server copies would only weigh on the worker.
      return js.replace(/\bimport\((['"])[^'"]+\1\)/g, 'new Promise(() => {})');
    },
  };
}

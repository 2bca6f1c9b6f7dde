// Bundles the CLI, the language server and the VS Code client with esbuild (one file each in dist/), plus two
// files they load on demand: the scan worker of `phisafe lint` (the engine alone) and the Databricks SDK.
// `node scripts/build.mjs [--production]`; the bench imports buildBundles for a private copy.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const SDK = '@databricks/sdk-experimental';

/**
 * The SDK and its dependencies are ~3 MB of the server and CLI bundles, but only Databricks lookups use it (it is
 * imported lazily). Kept in databricks-sdk.js, it is parsed only when a lookup runs, not in every process and
 * lint worker.
 */
const sdkOnDemand = {
  name: 'sdk-on-demand',
  setup(b) {
    b.onResolve({ filter: /^@databricks\/sdk-experimental$/ }, () => ({ path: './databricks-sdk.js', external: true }));
  },
};
/** `import()` of the SDK becomes a lazy require, so the bundle's named exports interoperate as CommonJS. */
const onDemand = { plugins: [sdkOnDemand], supported: { 'dynamic-import': false } };

/** Writes every bundle into `outdir`; `minimal` skips the client and source maps (what the bench needs). */
export async function buildBundles(outdir = 'dist', { production = false, minimal = false } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production && !minimal,
    minify: production,
    logLevel: 'warning',
    // Prefer ESM builds: jsonc-parser's UMD build requires its own files dynamically, which a bundle cannot follow.
    mainFields: ['module', 'main'],
  };
  const out = (name) => path.resolve(root, outdir, name);
  await Promise.all([
    build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: out('cli.js'), ...onDemand }),
    build({ ...common, entryPoints: ['server/src/cli/lint/worker.ts'], outfile: out('scan-worker.js'), ...onDemand }),
    build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: out('server.js'), ...onDemand }),
    build({ ...common, stdin: { contents: `export * from '${SDK}';`, resolveDir: root, loader: 'js' }, outfile: out('databricks-sdk.js') }),
    ...(minimal ? [] : [build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: out('client.js'), external: ['vscode'] })]),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildBundles('dist', { production: process.argv.includes('--production') });
}

// Bundles the CLI, the language server and the VS Code client with esbuild (one file each in dist/), plus two
// files they load on demand: the scan worker of `phisafe lint` (the engine alone) and the Databricks SDK.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Prefer ESM builds: jsonc-parser's UMD build requires its own files dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
};

const SDK = '@databricks/sdk-experimental';
/**
 * The SDK and its dependencies are ~3 MB of the server and CLI bundles, but only Databricks lookups use it (it is
 * imported lazily). Kept in dist/databricks-sdk.js, it is parsed only when a lookup runs, not in every process
 * and lint worker.
 */
const sdkOnDemand = {
  name: 'sdk-on-demand',
  setup(b) {
    b.onResolve({ filter: /^@databricks\/sdk-experimental$/ }, () => ({ path: './databricks-sdk.js', external: true }));
  },
};
/** `import()` of the SDK becomes a lazy require, so the bundle's named exports interoperate as CommonJS. */
const onDemand = { plugins: [sdkOnDemand], supported: { 'dynamic-import': false } };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', ...onDemand }),
  build({ ...common, entryPoints: ['server/src/cli/lint/worker.ts'], outfile: 'dist/scan-worker.js', ...onDemand }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', ...onDemand }),
  build({ ...common, stdin: { contents: `export * from '${SDK}';`, resolveDir: process.cwd(), loader: 'js' }, outfile: 'dist/databricks-sdk.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]);

/**
 * `phisafe lsp`: the language server over stdio (or --node-ipc / --socket=N, read by vscode-languageserver),
 * for editors other than VS Code.
 *
 * The server module (server/src/lsp/server.ts, owned by the server work) exports `startServer()`. It is
 * required at call time so the CLI does not load it for `lint`; inside try, esbuild bundles it once the
 * module exists and leaves the require unresolved until then (the command then says so and exits 2).
 */
import type { CliCommand } from './types';

const HELP = `Usage: phisafe lsp [--stdio | --node-ipc | --socket=<port>]

Starts the phisafe language server for editors (Neovim, Helix, Emacs, Zed, …).
The default transport is stdio.

Docs: docs/editors.md
`;

interface ServerModule {
  startServer(): void;
}

export const lsp: CliCommand = {
  name: 'lsp',
  summary: 'Start the language server (stdio) for editors',
  help: HELP,
  async run(args, io) {
    let server: ServerModule;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see the header
      server = require('../../lsp/server') as ServerModule;
    } catch {
      io.stderr.write('phisafe: the language server is not part of this build\n');
      return 2;
    }
    // vscode-languageserver reads the transport from process.argv; stdio unless another was asked for.
    if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
      process.argv.push('--stdio');
    }
    server.startServer();
    // The connection keeps the process alive; the exit code is the server's business from here.
    return new Promise<number>(() => undefined);
  },
};

/**
 * `phisafe.scanWorkspace`: walks the workspace folders (gitignore-aware, the CLI's walker), scans every file
 * that is not open in the editor and publishes its diagnostics, reporting N/M progress. Cancellable from the
 * progress UI and by request cancellation. The summary holds counts only.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { scanBytes, type ResolvedConfig } from '../engine';
import type { WorkspaceScanSummary } from '../protocol';
import { walkFiles } from '../workspace/files';
import { PlacedFindings } from '../engine/placedFindings';
import { findingDiagnostics } from './diagnostics';

export interface WorkspaceScanDeps {
  readonly connection: Connection;
  readonly roots: readonly string[];
  /** URIs open in the editor: their own scans own their diagnostics. */
  isOpen(uri: string): boolean;
  /** Config and display settings for a file, or undefined when phisafe is off for it. */
  configFor(filePath: string): Promise<{ config: ResolvedConfig; scanOutputs: boolean; maxDiagnostics: number } | undefined>;
  readonly progress: WorkDoneProgressReporter;
  /** Cancellation of the progress (user pressed cancel) and of the request. */
  readonly tokens: readonly CancellationToken[];
  /** Remembers which URIs got diagnostics from this scan, so they can be cleared later. */
  published(uri: string): void;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function scanWorkspace(deps: WorkspaceScanDeps): Promise<WorkspaceScanSummary> {
  const controller = new AbortController();
  const cancelled = (): boolean => deps.tokens.some((t) => t.isCancellationRequested);
  const subscriptions = deps.tokens.map((t) => t.onCancellationRequested(() => controller.abort()));
  let files = 0;
  let findings = 0;
  let errors = 0;
  try {
    deps.progress.begin('phisafe: scanning workspace', 0, 'listing files', true);
    const paths: string[] = [];
    for await (const p of walkFiles(deps.roots, { signal: controller.signal, onError: () => errors++ })) {
      paths.push(p);
      if (cancelled()) break;
    }
    for (const [i, filePath] of paths.entries()) {
      if (cancelled()) break;
      deps.progress.report(Math.round((i / Math.max(paths.length, 1)) * 100), `${i}/${paths.length} files`);
      const uri = pathToFileURL(filePath).toString();
      files++;
      if (deps.isOpen(uri)) continue;
      const effective = await deps.configFor(filePath);
      if (!effective) continue;
      let diagnostics: Diagnostic[] = [];
      try {
        const result = scanBytes(filePath, await readFile(filePath), { config: effective.config });
        if (result.error) errors++;
        const shown = effective.scanOutputs ? result.findings : result.findings.filter((f) => f.regionKind !== 'output');
        findings += shown.length;
        diagnostics = findingDiagnostics(PlacedFindings.of(shown), effective.maxDiagnostics, effective.maxDiagnostics);
      } catch {
        errors++;
      }
      if (diagnostics.length > 0) {
        deps.published(uri);
        void deps.connection.sendDiagnostics({ uri, diagnostics });
      }
      await yieldToEventLoop();
    }
    return { files, findings, errors, cancelled: cancelled() };
  } finally {
    for (const s of subscriptions) s.dispose();
    deps.progress.done();
  }
}

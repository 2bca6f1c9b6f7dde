/**
 * The status bar item: a spinner while a workspace scan runs, otherwise the number of PHI findings in the
 * active editor (counts only: the item never shows what was found). Clicking it opens the Problems view.
 */
import * as vscode from 'vscode';
import { activeDocumentUris, countFindings, type FindingCounts, phisafeDiagnosticsFor } from './findings';

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
}

/** Pure: what the item shows for a state. */
export function statusView(counts: FindingCounts | undefined, scanning: boolean, running: boolean): StatusView {
  if (!running) return { text: '$(circle-slash) phisafe', tooltip: 'phisafe is off (setting phisafe.enable)' };
  if (scanning) return { text: '$(sync~spin) phisafe', tooltip: 'phisafe: scanning the workspace for PHI…' };
  if (!counts) return { text: '$(shield) phisafe', tooltip: 'phisafe: no file open' };
  const config = counts.compliance ? ` · ${counts.compliance} config` : '';
  if (counts.phi === 0) {
    return {
      text: `$(pass) phisafe${config}`,
      tooltip: `phisafe: no PHI found in this editor${counts.compliance ? `; ${counts.compliance} configuration finding(s)` : ''}. Click to open Problems.`,
    };
  }
  return {
    text: `$(warning) phisafe: ${counts.phi} PHI${config}`,
    tooltip: `phisafe: ${counts.phi} PHI finding(s) in this editor${config ? `, ${counts.compliance} configuration finding(s)` : ''}. Click to open Problems.`,
  };
}

export class PhiStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private pendingScans = 0;
  private running = false;

  constructor() {
    this.item = vscode.window.createStatusBarItem('phisafe.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'phisafe';
    this.item.command = { command: 'workbench.actions.view.problems', title: 'Show PHI findings in Problems' };
    this.subscriptions.push(
      this.item,
      vscode.languages.onDidChangeDiagnostics(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.window.onDidChangeActiveNotebookEditor(() => this.refresh()),
    );
    this.refresh();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  setRunning(running: boolean): void {
    this.running = running;
    this.refresh();
  }

  /** Shows the spinner until `work` settles (scans may overlap: the spinner stays until the last ends). */
  async whileScanning<T>(work: () => Thenable<T>): Promise<T> {
    this.pendingScans++;
    this.refresh();
    try {
      return await work();
    } finally {
      this.pendingScans--;
      this.refresh();
    }
  }

  refresh(): void {
    const uris = activeDocumentUris();
    const counts = uris.length ? countFindings(phisafeDiagnosticsFor(uris)) : undefined;
    const view = statusView(counts, this.pendingScans > 0, this.running);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * Clear outputs: in `.ipynb` text, replace a cell's `"outputs": [...]` with `[]` and its `execution_count`
 * with null. The arrays are located with a JSON parser (offsets from jsonc-parser), so strings that merely
 * look like `"outputs"` are never touched, and the file stays valid JSON.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Finding, ScanDocument } from '../model';
import type { FileEdit } from './types';

/** Cells whose outputs hold PHI, sorted and unique. */
export function cellsWithPhiOutputs(findings: readonly Finding[]): number[] {
  const cells = new Set(findings.filter((f) => f.regionKind === 'output').map((f) => f.cellIndex));
  return [...cells].sort((a, b) => a - b);
}

export function clearOutputsEdits(document: ScanDocument, cellIndexes: readonly number[]): FileEdit[] {
  if (document.format !== 'ipynb' || cellIndexes.length === 0) return [];
  const root = parseTree(document.text);
  if (!root) return [];
  const edits: FileEdit[] = [];
  for (const index of cellIndexes) {
    const outputs = findNodeAtLocation(root, ['cells', index, 'outputs']);
    if (outputs?.type === 'array' && (outputs.children?.length ?? 0) > 0) {
      edits.push({ startOffset: outputs.offset, endOffset: outputs.offset + outputs.length, newText: '[]' });
    }
    const count = findNodeAtLocation(root, ['cells', index, 'execution_count']);
    if (count && count.type !== 'null') edits.push({ startOffset: count.offset, endOffset: count.offset + count.length, newText: 'null' });
  }
  return edits.sort((a, b) => a.startOffset - b.startOffset);
}

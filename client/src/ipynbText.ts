/** Edits to an .ipynb opened as JSON text (no vscode here, so it is unit-tested directly). */
import { type Edit, findNodeAtLocation, parseTree } from 'jsonc-parser';

/**
 * Text edits that remove the given outputs (cell index → output indexes) from the notebook JSON.
 * Removes from the last output backwards so earlier indexes stay valid, and returns non-overlapping edits
 * against the original text.
 */
export function ipynbEditsWithoutOutputs(text: string, byCell: ReadonlyMap<number, ReadonlySet<number>>): Edit[] {
  const tree = parseTree(text);
  if (!tree) return [];
  const edits: Edit[] = [];
  for (const [cellIndex, outputs] of [...byCell].sort((a, b) => b[0] - a[0])) {
    const outputsNode = findNodeAtLocation(tree, ['cells', cellIndex, 'outputs']);
    if (!outputsNode || outputsNode.type !== 'array') continue;
    const kept = (outputsNode.children ?? []).filter((_, i) => !outputs.has(i));
    if (kept.length === outputsNode.children?.length) continue;
    // Rewrite the one `outputs` array: the kept outputs keep their exact original text.
    const keptText = kept.map((node) => text.slice(node.offset, node.offset + node.length));
    const indent = /\n([ \t]*)[^\n]*$/.exec(text.slice(0, outputsNode.offset))?.[1] ?? '';
    const content = keptText.length ? `[\n${indent}  ${keptText.join(`,\n${indent}  `)}\n${indent}]` : '[]';
    edits.push({ offset: outputsNode.offset, length: outputsNode.length, content });
  }
  return edits;
}

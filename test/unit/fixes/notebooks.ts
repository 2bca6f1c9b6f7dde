/** A small nbformat 4 notebook built in code, pretty-printed the way Jupyter writes it (one source line per element). */
export interface CellSpec {
  readonly type: 'code' | 'markdown';
  readonly source: string;
  readonly outputs?: readonly string[];
}

export function ipynb(cells: readonly CellSpec[]): string {
  const nb = {
    cells: cells.map((c, i) => {
      const source = c.source.split(/(?<=\n)/);
      if (c.type === 'markdown') return { cell_type: 'markdown', metadata: {}, source };
      return {
        cell_type: 'code', execution_count: i + 1, metadata: {}, source,
        outputs: (c.outputs ?? []).map((text) => ({ name: 'stdout', output_type: 'stream', text: text.split(/(?<=\n)/) })),
      };
    }),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(nb, null, 1)}\n`;
}

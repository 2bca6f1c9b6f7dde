/** Which files the PHI scan reads, by extension. */
const PHI_EXTENSIONS = new Set(['.py', '.sql', '.scala', '.r', '.ipynb', '.md', '.markdown', '.sh']);

export function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

export function isPhiScannable(path: string): boolean {
  return PHI_EXTENSIONS.has(extensionOf(path));
}

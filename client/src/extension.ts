// PLACEHOLDER — the client work replaces this.
export function activate(): void {}
export function deactivate(): void {}

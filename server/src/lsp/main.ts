// PLACEHOLDER — the server work replaces this.
export {};

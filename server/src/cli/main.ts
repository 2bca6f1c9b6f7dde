// PLACEHOLDER — the CLI work replaces this.
process.exitCode = 2;

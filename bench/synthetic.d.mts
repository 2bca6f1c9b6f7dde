/** Types of bench/synthetic.mjs for the TypeScript tests that share it. */
export function prng(seed: number): () => number;
export const FIRST_NAMES: readonly string[];
export const LAST_NAMES: readonly string[];

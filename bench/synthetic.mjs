// Invented values shared by the bench workload (bench/workload.mjs) and the accuracy corpus
// (test/accuracy/corpus.ts): one seeded generator and one list of made-up names, so both stay reproducible.

/** mulberry32: small, fast, deterministic. */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST_NAMES = ['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Susan', 'Thomas', 'Karen', 'Daniel', 'Nancy', 'Steven', 'Angela', 'Kevin'];
export const LAST_NAMES = ['Garcia', 'Johnson', 'Martinez', 'Anderson', 'Thompson', 'Robinson', 'Rodriguez', 'Hernandez', 'Nguyen', 'Patel', 'Kowalski', 'Fitzgerald', 'Okafor', 'Lindqvist', 'Delgado', 'Whitaker'];

// `node scripts/holdout-eval.mjs <dir> [--cli dist/cli.js] [--list]`: precision and recall of `phisafe lint` on
// a folder of labelled notebooks, the way the blind holdouts in docs/performance.md are measured.
//
// A notebook `X` may have `X.labels.json` beside it: `[{ "value": "...", "kind": "..." }]`, where every
// occurrence of `value` in the raw file text is one leak. A leak is found when a finding's range overlaps it.
// Findings that overlap no leak are "unmatched": in a folder without labels (a clean set) every finding is
// a false one. Prints counts per folder and, with --list, each unmatched finding and each missed leak by file,
// line, rule and kind. It never prints a value or a line of the scanned files.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const cli = path.resolve(option('--cli') ?? 'dist/cli.js');
const list = argv.includes('--list');
const dirs = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--cli');
if (dirs.length === 0) {
  console.error('usage: node scripts/holdout-eval.mjs <dir>... [--cli dist/cli.js] [--list]');
  process.exit(2);
}

/** Runs the CLI on one folder and returns its findings, paths made absolute. */
function lint(dir) {
  let out;
  try {
    out = execFileSync(process.execPath, [cli, 'lint', dir, '--format', 'json', '--no-ignore', '--no-progress'], {
      maxBuffer: 1 << 28,
      encoding: 'utf8',
    });
  } catch (error) {
    out = error.stdout; // exit 1 means findings, which is what we want
  }
  const report = JSON.parse(out);
  return report.findings.map((f) => ({ ...f, file: path.resolve(f.file) }));
}

/** Each occurrence of each labelled value as a 1-based line and column range, like the CLI's. */
function leaksOf(file) {
  const labelsFile = `${file}.labels.json`;
  if (!existsSync(labelsFile)) return [];
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  const leaks = [];
  for (const { value, kind } of JSON.parse(readFileSync(labelsFile, 'utf8'))) {
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) {
      leaks.push({ kind, start: position(at), end: position(at + value.length) });
    }
  }
  return leaks;
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column < b.column);
const overlaps = (finding, leak) =>
  before({ line: finding.line, column: finding.column }, leak.end) &&
  before(leak.start, { line: finding.endLine, column: finding.endColumn });

function notebooksIn(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files.push(...notebooksIn(full));
    else if (!name.endsWith('.labels.json') && !name.endsWith('.md')) files.push(full);
  }
  return files;
}

for (const dir of dirs) {
  const root = path.resolve(dir);
  const findings = lint(root);
  let leakCount = 0;
  let found = 0;
  let unmatched = 0;
  let lines = 0;
  const byKind = new Map();
  const details = [];
  for (const file of notebooksIn(root)) {
    lines += readFileSync(file, 'utf8').split('\n').length;
    const own = findings.filter((f) => f.file === file);
    const leaks = leaksOf(file);
    for (const leak of leaks) {
      const hit = own.some((f) => overlaps(f, leak));
      const tally = byKind.get(leak.kind) ?? { total: 0, found: 0 };
      tally.total++;
      if (hit) tally.found++;
      byKind.set(leak.kind, tally);
      leakCount++;
      if (hit) found++;
      else details.push(`  missed     ${path.relative(root, file)}:${leak.start.line}:${leak.start.column} ${leak.kind}`);
    }
    for (const f of own) {
      if (leaks.some((leak) => overlaps(f, leak))) continue;
      unmatched++;
      details.push(`  unmatched  ${path.relative(root, f.file)}:${f.line}:${f.column} ${f.ruleId} ${f.category}`);
    }
  }
  const recall = leakCount ? ` · leaks found ${found}/${leakCount} (${((100 * found) / leakCount).toFixed(1)}%)` : '';
  console.log(`${dir}: ${lines} lines · ${findings.length} findings · unmatched ${unmatched}${recall}`);
  if (leakCount) {
    const kinds = [...byKind].sort((a, b) => b[1].total - a[1].total);
    console.log('  ' + kinds.map(([k, t]) => `${k} ${t.found}/${t.total}`).join(', '));
  }
  if (list) console.log(details.join('\n'));
}

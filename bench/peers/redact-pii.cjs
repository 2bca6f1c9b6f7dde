// Peer driver: reads each file named in the list file (argv[2]) and runs redact-pii's synchronous redactor on
// its whole text, as a pre-commit PII redactor would. Prints only counts, never file content.
const { readFileSync } = require('node:fs');
const { SyncRedactor } = require('redact-pii');

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const redactor = new SyncRedactor();
let bytes = 0;
let changed = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  if (redactor.redact(text) !== text) changed++;
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, changed }) + '\n');

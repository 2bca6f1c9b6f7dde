/** `phisafe uc snapshot`: writes Unity Catalog metadata (no data, no credentials) for offline `lint --uc`. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { connect, DatabricksUnavailable } from '../../databricks/client';
import { buildUcSnapshot } from '../../databricks/ucLive';
import { DEFAULT_UC_SETTINGS, phiTagOf } from '../../databricks/ucModel';
import { parseCommandArgs } from '../args';
import { EXIT_ERROR, UsageError } from '../io';
import type { CliCommand } from './types';

const OPTIONS = {
  profile: { type: 'string', short: 'p' },
  catalog: { type: 'string' },
  schema: { type: 'string' },
  out: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
} as const;

const HELP = `Usage: phisafe uc snapshot --catalog <catalog> [--schema <schema>] --out <file> [--profile <profile>]

Writes the Unity Catalog metadata of a catalog (or one schema) to a JSON file: tables, columns and
their types, column tags, column masks, row filters and table tags. Never table data, never
credentials. Use it offline with \`phisafe lint --uc <file>\` (CI, pre-commit).

Authentication is the Databricks CLI's: --profile (a profile in ~/.databrickscfg), else
DATABRICKS_CONFIG_PROFILE, else DATABRICKS_HOST and DATABRICKS_TOKEN; OAuth profiles
(auth_type = databricks-cli) use \`databricks auth token\`.

Options:
  -p, --profile <name>   Profile in ~/.databrickscfg (or DATABRICKS_CONFIG_FILE)
      --catalog <name>   Catalog to read (required)
      --schema <name>    Only this schema
  -o, --out <file>       Where to write the snapshot (required)
      --timeout <s>      Seconds per request before giving up (default: 30)
  -h, --help             Show this help

Docs: docs/databricks.md
`;

export const ucSnapshot: CliCommand = {
  name: 'uc snapshot',
  summary: 'Write Unity Catalog metadata (tags, masks; no data) for lint --uc',
  help: HELP,
  async run(args, io) {
    const { text, positiveNumber } = parseCommandArgs(args, OPTIONS);
    const catalog = text('catalog');
    const out = text('out');
    if (!catalog) throw new UsageError('--catalog is required');
    if (!out) throw new UsageError('--out is required');
    const conn = connect({ profile: text('profile'), env: io.env, timeoutSeconds: positiveNumber('timeout') ?? 30 });
    try {
      const snapshot = await buildUcSnapshot(conn, catalog, text('schema'));
      const file = resolve(io.cwd, out);
      writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
      const columns = snapshot.tables.flatMap((t) => t.columns);
      const phi = columns.filter((c) => phiTagOf(c.tags, DEFAULT_UC_SETTINGS));
      io.stderr.write(`wrote ${snapshot.tables.length} tables to ${out}: ${phi.length} PHI-tagged columns, ${phi.filter((c) => !c.mask).length} without a mask\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof DatabricksUnavailable)) throw e;
      io.stderr.write(`phisafe uc snapshot: ${e.message}\n`);
      return EXIT_ERROR;
    }
  },
};

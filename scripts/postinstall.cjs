// Builds dist/ after `npm install` / `npm ci` in a source checkout. pre-commit installs the hook that way
// (npm install, then npm pack, whose stdout must be only the tarball name, so no `prepare` script).
// In an installed package there is nothing to build: dist/ ships and scripts/build.mjs does not.
'use strict';
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const build = path.join(__dirname, 'build.mjs');
if (existsSync(build)) execFileSync(process.execPath, [build], { stdio: 'inherit', cwd: path.join(__dirname, '..') });

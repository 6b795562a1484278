#!/usr/bin/env node
// Launcher for the bundled CLI (build it first: npm run build -w floo-server).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('floo-server: dist/cli.js is missing; run `npm run build -w floo-server` first\n');
  process.exit(1);
}
require(bundle);

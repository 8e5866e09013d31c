#!/usr/bin/env node
// The `localcloud` command: the built CLI (npm run build in this package writes dist/).
require('../dist/cli.js');

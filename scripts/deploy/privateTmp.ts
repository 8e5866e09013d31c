/**
 * A temporary folder of this deploy's own, set before the management library loads. @cloudbase/manager-node zips
 * each function at a fixed path (`<tmpdir>/.cloudbase_temp_<name>/<name>.zip`), so two deploys on one machine at
 * once (two CI runs, say) overwrite each other's zips and upload corrupt code. Its folder is removed on exit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const own = mkdtempSync(join(tmpdir(), 'mulin-deploy-'));
process.env.TMPDIR = own;
process.on('exit', () => rmSync(own, { recursive: true, force: true }));

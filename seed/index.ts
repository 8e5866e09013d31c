/**
 * The project's seed module for the local cloud (`npm start` runs `localcloud --config localcloud.json`, whose
 * `seed` is this file built to build/seed/index.js): the demo community on a fresh data folder, and the functions'
 * environment (the demo's first admin and fresh secrets, unless the environment sets them).
 */
import type { SeedModule } from '../localcloud/seedModule';
import { seedDemo } from './demo';
import { demoFunctionEnv } from './functionEnv';

const demoSeed: SeedModule = {
  description: 'the demo community',
  seed: async (cloud) => (await seedDemo(cloud)).summary,
  functionEnv: demoFunctionEnv,
};

export default demoSeed;

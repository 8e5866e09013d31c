/**
 * jest globalSetup of the `pages` project: makes sure miniprogram/miniprogram_npm (TDesign) is built before any
 * page test loads a component. About a millisecond when the lockfile has not changed since the last build.
 */
import path from 'node:path';
import { buildMiniprogramNpm } from '../scripts/build-miniprogram-npm';

export default async function globalSetup(): Promise<void> {
  await buildMiniprogramNpm(path.resolve(__dirname, '..'));
}

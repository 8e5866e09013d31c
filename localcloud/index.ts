/**
 * localcloud as a library: start a cloud in process (tests, tools), read and write the seed record of a data
 * folder, and the shapes of the files it reads (database.json, functions' config.json).
 */
export { startLocalCloud, DEFAULT_APPID, DEFAULT_ENV_NAME } from './cloud';
export type { Faults, LocalCloud, LocalCloudOptions } from './cloud';
export { NetworkLatency } from './latency';
export type { LatencySettings } from './latency';
export type { GatewayReply } from './gateway';
export { discoverFunctions } from './host/functionConfig';
export type { FunctionConfig, FunctionDef, TimerTrigger } from './host/functionConfig';
export { LOCAL_CREDENTIALS } from './manage/management';
export { loadSeedModule } from './seedModule';
export type { SeedModule } from './seedModule';
export { readSeedRecord, seedStatus, writeSeedRecord } from './seedRecord';
export type { SeedRecord, SeedStatus } from './seedRecord';
export { loadDatabaseSpec } from './store/schema';
export type { CollectionSpec, DatabaseSpec, IndexSpec } from './store/schema';

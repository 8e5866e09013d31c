/**
 * The `tcb` (2018-06-08) actions a deploy makes: the environment's description, collections (CreateTable,
 * DescribeTable, ListTables), their indexes (UpdateTable) and security rules (DescribeSafeRule, ModifySafeRule).
 * Collections and indexes are created in the document store itself, so what a deploy declares is what the
 * functions then use.
 */
import type { DocumentStore } from '../store/engine';
import type { IndexSpec } from '../store/schema';
import { CloudError } from '../wire/errors';
import { ApiError, checkEnv, stringParam, type ApiHandler, type ApiParams } from './apiTypes';
import type { DatabaseCatalog } from './databaseCatalog';

/** What the tcb actions work on. */
export interface TcbDeps {
  envId: string;
  /** The account's AppId the environment reports (a fixed local value). */
  appId: string;
  store: DocumentStore;
  catalog: DatabaseCatalog;
}

const ACL_TAGS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY', 'CUSTOM'];

/** The tcb handlers, by action. */
export function tcbHandlers(deps: TcbDeps): Record<string, ApiHandler> {
  const { envId, store, catalog } = deps;
  const region = 'ap-shanghai';
  const table = (params: ApiParams, name = 'TableName') => {
    if (params.EnvId !== undefined) checkEnv(params.EnvId, envId);
    const coll = stringParam(params, name);
    if (!store.hasCollection(coll))
      throw new ApiError('ResourceNotFound.TableNotExist', `Table not exist: ${coll}`);
    return coll;
  };
  return {
    DescribeEnvInfo: (params) => {
      checkEnv(params.EnvId, envId);
      return {
        EnvInfo: {
          EnvBaseInfo: {
            EnvId: envId,
            Alias: envId,
            Status: 'NORMAL',
            Region: region,
            EnvType: 'baas',
            Databases: [{ InstanceId: `${envId}-db`, Status: 'RUNNING', Region: region }],
            Storages: [{ Region: region, Bucket: `${envId}-${deps.appId}`, AppId: deps.appId }],
            Functions: [{ Namespace: envId, Region: region }],
            LogServices: [],
            CustomLogServices: [],
          },
          UserInfo: { AppId: deps.appId },
        },
      };
    },
    CreateTable: (params) => {
      if (params.EnvId !== undefined) checkEnv(params.EnvId, envId);
      const coll = stringParam(params, 'TableName');
      try {
        store.createCollection(coll);
      } catch (err) {
        if (err instanceof CloudError && err.code === 'DATABASE_COLLECTION_ALREADY_EXIST')
          throw new ApiError('ResourceInUse', `Table exist: ${coll}`);
        throw new ApiError('InvalidParameterValue', err instanceof Error ? err.message : String(err));
      }
      return {};
    },
    DescribeTable: (params) => {
      const coll = table(params);
      const indexes = [
        { name: '_id_', unique: true, keys: { _id: 1 } } as IndexSpec,
        ...catalog.indexes(coll),
      ];
      return {
        IndexNum: indexes.length,
        Indexes: indexes.map((ix) => ({
          Name: ix.name,
          Size: 0,
          Unique: ix.unique === true,
          Keys: Object.entries(ix.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
          Accesses: { Ops: 0, Since: '' },
        })),
      };
    },
    ListTables: (params) => {
      if (params.EnvId !== undefined) checkEnv(params.EnvId, envId);
      const names = store.collectionNames();
      const offset = Number(params.MgoOffset ?? 0);
      const limit = Number(params.MgoLimit ?? 100);
      return {
        Tables: names.slice(offset, offset + limit).map((TableName) => ({
          TableName,
          Count: store.count(TableName, {}),
          Size: 0,
          IndexCount: catalog.indexes(TableName).length + 1,
          IndexSize: 0,
        })),
        Pager: { Offset: offset, Limit: limit, Total: names.length },
      };
    },
    UpdateTable: (params) => {
      const coll = table(params);
      const drops = (params.DropIndexes as { IndexName?: string }[] | undefined) ?? [];
      if (drops.length > 0)
        throw new ApiError(
          'UnsupportedOperation',
          'dropping an index is not modelled by the local cloud: start it with fresh data instead',
        );
      for (const create of (params.CreateIndexes as CreateIndexParam[] | undefined) ?? []) {
        const index = toIndexSpec(create);
        const existing = catalog.indexes(coll).find((ix) => ix.name === index.name);
        if (existing) {
          if (sameIndex(existing, index)) continue;
          throw new ApiError('ResourceInUse.Index', `index ${index.name} exists on ${coll} with other keys`);
        }
        try {
          store.applySpec({ collections: [{ name: coll, indexes: [index] }] });
        } catch (err) {
          throw new ApiError('FailedOperation', err instanceof Error ? err.message : String(err));
        }
        catalog.addIndex(coll, index);
      }
      return {};
    },
    DescribeSafeRule: (params) => {
      const coll = table(params, 'CollectionName');
      const rule = catalog.rule(coll);
      return { AclTag: rule.aclTag, ...(rule.rule ? { Rule: rule.rule } : {}) };
    },
    ModifySafeRule: (params) => {
      const coll = table(params, 'CollectionName');
      const aclTag = stringParam(params, 'AclTag');
      if (!ACL_TAGS.includes(aclTag))
        throw new ApiError('InvalidParameterValue', `AclTag ${aclTag} is not valid`);
      if (aclTag !== 'CUSTOM') {
        catalog.setRule(coll, { aclTag });
        return {};
      }
      const text = stringParam(params, 'Rule');
      let rule: unknown;
      try {
        rule = JSON.parse(text);
      } catch {
        throw new ApiError('InvalidParameterValue', 'Rule is not JSON');
      }
      const ok = (v: unknown) => typeof v === 'boolean' || typeof v === 'string';
      if (
        !rule ||
        typeof rule !== 'object' ||
        !ok((rule as { read?: unknown }).read) ||
        !ok((rule as { write?: unknown }).write)
      )
        throw new ApiError('InvalidParameterValue', 'Rule needs read and write (a boolean or an expression)');
      catalog.setRule(coll, { aclTag, rule: text });
      return {};
    },
  };
}

interface CreateIndexParam {
  IndexName?: string;
  MgoKeySchema?: { MgoIndexKeys?: { Name?: string; Direction?: string }[]; MgoIsUnique?: boolean };
}

function toIndexSpec(p: CreateIndexParam): IndexSpec {
  const keys = p.MgoKeySchema?.MgoIndexKeys ?? [];
  if (!p.IndexName || keys.length === 0)
    throw new ApiError(
      'InvalidParameterValue',
      'CreateIndexes needs IndexName and MgoKeySchema.MgoIndexKeys',
    );
  const spec: IndexSpec = { name: p.IndexName, keys: {} };
  if (p.MgoKeySchema?.MgoIsUnique) spec.unique = true;
  for (const k of keys) {
    if (!k.Name || (k.Direction !== '1' && k.Direction !== '-1' && k.Direction !== '2dsphere'))
      throw new ApiError(
        'InvalidParameterValue',
        `index ${p.IndexName}: key direction must be "1", "-1" or "2dsphere"`,
      );
    spec.keys[k.Name] = k.Direction === '2dsphere' ? '2dsphere' : k.Direction === '1' ? 1 : -1;
  }
  return spec;
}

function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return (
    (a.unique === true) === (b.unique === true) &&
    JSON.stringify(Object.entries(a.keys)) === JSON.stringify(Object.entries(b.keys))
  );
}

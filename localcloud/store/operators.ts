/**
 * The operator set the store evaluates with: mingo's, with the operators where mingo differs from MongoDB replaced,
 * the ones CloudBase documents that mingo lacks added, geo query operators (geo.ts), and a JSON-schema validator for
 * `$jsonSchema` (draft 4 with MongoDB's `bsonType`, as MongoDB validates it).
 */
import Ajv from 'ajv-draft-04';
import type { Query as QueryType } from 'mingo/types/query';
import type { Options } from 'mingo/types/types';
import { isBsonValue } from './ejson';
import { geoIntersects, geoWithin, nearTest, parseNear, type GeoTest } from './geo';
import { cloudErrors } from '../wire/errors';

// mingo's helpers live in subpath modules its package exports; `node` module resolution (tsconfig) reads types
// by file path, so take the types from the declaration files and the code through `require`.
// The package's own entry point merges any context *under* its defaults, so replacing an operator needs the base
// classes (mingo/query, mingo/aggregator, mingo/updater) with a context built here.
/* eslint-disable @typescript-eslint/no-require-imports */
const { Context, evalExpr } = require('mingo/core') as typeof import('mingo/types/core');
const { resolve, isObject, isOperator } = require('mingo/util') as typeof import('mingo/types/util');
const { Query } = require('mingo/query') as typeof import('mingo/types/query');
const { Aggregator } = require('mingo/aggregator') as typeof import('mingo/types/aggregator');
const updater = require('mingo/updater') as typeof import('mingo/types/updater');
const mingoOps = {
  accumulator: require('mingo/operators/accumulator') as Record<string, unknown>,
  expression: require('mingo/operators/expression') as typeof import('mingo/types/operators/expression'),
  pipeline: require('mingo/operators/pipeline') as Record<string, unknown>,
  projection: require('mingo/operators/projection') as Record<string, unknown>,
  query: require('mingo/operators/query') as Record<string, unknown>,
  window: require('mingo/operators/window') as Record<string, unknown>,
};
/* eslint-enable @typescript-eslint/no-require-imports */
const mingoExpressions = mingoOps.expression;

type AnyObject = Record<string, unknown>;
type QueryOp = (selector: string, value: unknown, options: Options) => (doc: AnyObject) => boolean;
type ExpressionOp = (obj: AnyObject, expr: unknown, options: Options) => unknown;

/** The field's value as MongoDB's query resolves it (through arrays of documents). */
const valueAt = (doc: AnyObject, selector: string) => resolve(doc, selector, { unwrapArray: true });

/**
 * `$elemMatch`: mingo tests a field condition (`{ status: 'done' }`) against scalar elements too, so
 * `tags: ['done']` matched `elemMatch({ status: 'done' })`. In MongoDB a field condition only ever matches elements
 * that are documents; an operator condition (`{ $gte: 80 }`) tests each element's value.
 */
const $elemMatch: QueryOp = (selector, criteria, options) => {
  const spec = (criteria ?? {}) as AnyObject;
  const keys = Object.keys(spec);
  const onValue = keys.length > 0 && keys.every((k) => isOperator(k) && !['$and', '$or', '$nor'].includes(k));
  const query = nestedQuery(onValue ? { v: spec } : spec, options);
  const test = onValue
    ? (el: unknown) => query.test({ v: el })
    : (el: unknown) => isObject(el) && query.test(el as AnyObject);
  return (doc) => {
    const arr = valueAt(doc, selector);
    return Array.isArray(arr) && arr.some(test);
  };
};

function geoOp(compile: (spec: unknown) => GeoTest): QueryOp {
  return (selector, spec) => {
    const test = compile(spec);
    return (doc) => test(valueAt(doc, selector));
  };
}

const queryOps: Record<string, QueryOp> = {
  $elemMatch,
  // GeoJSON form (`{ $geometry, $maxDistance, $minDistance }`, metres), which is what the SDK sends.
  $nearSphere: geoOp((spec) => nearTest(parseNear(spec))),
  $near: geoOp((spec) => nearTest(parseNear(spec))),
  $geoWithin: geoOp((spec) => geoWithin(spec)),
  $geoIntersects: geoOp((spec) => geoIntersects(spec)),
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** `$substrBytes` / `$substr` as MongoDB: a negative count takes the rest of the string; bytes are UTF-8. */
const $substrBytes: ExpressionOp = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length !== 3)
    throw cloudErrors.invalidOperator('$substrBytes expects 3 arguments');
  const [s, index, count] = evalExpr(obj, expr, options) as [unknown, unknown, unknown];
  if (s === null || s === undefined) return '';
  const text = typeof s === 'string' ? s : String(s);
  if (!isInt(index) || index < 0)
    throw cloudErrors.invalidOperator('$substrBytes: starting index must be a non-negative integer');
  if (!isInt(count)) throw cloudErrors.invalidOperator('$substrBytes: length must be an integer');
  const bytes = Buffer.from(text, 'utf8');
  if (index >= bytes.length) return '';
  const end = count < 0 ? bytes.length : Math.min(bytes.length, index + count);
  const continuation = (i: number) => i < bytes.length && (bytes[i]! & 0xc0) === 0x80;
  if (continuation(index))
    throw cloudErrors.invalidOperator(
      '$substrBytes: Invalid range, starting index is a UTF-8 continuation byte.',
    );
  if (continuation(end))
    throw cloudErrors.invalidOperator(
      '$substrBytes: Invalid range, ending index is in the middle of a UTF-8 character.',
    );
  return bytes.subarray(index, end).toString('utf8');
};

function indexOf(op: string, units: (s: string) => string[]): ExpressionOp {
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4)
      throw cloudErrors.invalidOperator(`${op} expects 2 to 4 arguments`);
    const [s, search, start, end] = evalExpr(obj, expr, options) as unknown[];
    if (s === null || s === undefined) return null;
    if (typeof s !== 'string' || typeof search !== 'string')
      throw cloudErrors.invalidOperator(`${op} requires a string and a substring`);
    const hay = units(s);
    const needle = units(search);
    const from = start === undefined ? 0 : start;
    const to = end === undefined ? hay.length : end;
    if (!isInt(from) || from < 0 || !isInt(to) || to < 0)
      throw cloudErrors.invalidOperator(`${op}: start and end must be non-negative integers`);
    for (let i = from; i + needle.length <= Math.min(to, hay.length); i++) {
      if (needle.every((u, j) => hay[i + j] === u)) return i;
    }
    return -1;
  };
}

/** Code points (`$indexOfCP`) and UTF-8 bytes (`$indexOfBytes`; mingo counted UTF-16 units). */
const codePoints = (s: string) => Array.from(s);
const utf8Bytes = (s: string) => Array.from(Buffer.from(s, 'utf8'), (b) => String(b));

/**
 * `$week` as MongoDB: weeks begin on Sunday, week 1 begins with the year's first Sunday and the days before it are
 * week 0 (strftime `%U`). mingo numbered ISO weeks. Built on mingo's `$dayOfYear`/`$dayOfWeek`, which handle
 * `{ date, timezone }`.
 */
const $week: ExpressionOp = (obj, expr, options) => {
  const doy = mingoExpressions.$dayOfYear(obj, expr, options) as number | null;
  const dow = mingoExpressions.$dayOfWeek(obj, expr, options) as number | null;
  if (doy === null || dow === null || doy === undefined || dow === undefined) return null;
  return Math.floor((doy + 7 - dow) / 7);
};

const expressionOps: Record<string, ExpressionOp> = {
  $week,
  $substr: $substrBytes,
  $substrBytes,
  $indexOfCP: indexOf('$indexOfCP', codePoints),
  $indexOfBytes: indexOf('$indexOfBytes', utf8Bytes),
  // The SDK's `$.neq` is sent as `$neq`.
  $neq: mingoExpressions.$ne as ExpressionOp,
  // Text-search metadata: the local cloud has no text indexes, so no document carries a score.
  $meta: (_obj, expr) => {
    if (expr === 'textScore')
      throw cloudErrors.invalidOperator('query requires text score metadata, but it is not available');
    return null;
  },
};

const CONTEXT = Context.init({
  accumulator: mingoOps.accumulator as never,
  expression: { ...mingoOps.expression, ...expressionOps } as never,
  pipeline: mingoOps.pipeline as never,
  projection: mingoOps.projection as never,
  query: { ...mingoOps.query, ...queryOps } as never,
  window: mingoOps.window as never,
});

const BSON_TYPE_NAMES: Record<string, string> = {
  ObjectId: 'objectId',
  ObjectID: 'objectId',
  Long: 'long',
  Decimal128: 'decimal',
  Binary: 'binData',
  Timestamp: 'timestamp',
  Int32: 'int',
  Double: 'double',
};

/** MongoDB's BSON type alias for a stored value. */
function bsonTypeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) < 2 ** 31 ? 'int' : 'long') : 'double';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  if (Array.isArray(v)) return 'array';
  if (isBsonValue(v)) return BSON_TYPE_NAMES[(v as { _bsontype: string })._bsontype] ?? 'object';
  return 'object';
}

const ajv = new Ajv({ strict: false, allErrors: false });
ajv.addKeyword({
  keyword: 'bsonType',
  schemaType: ['string', 'array'],
  validate: (types: string | string[], data: unknown) => {
    const actual = bsonTypeOf(data);
    return ([] as string[])
      .concat(types)
      .some((t) => t === actual || (t === 'number' && ['int', 'long', 'double', 'decimal'].includes(actual)));
  },
});

/** `$jsonSchema` validator (compiled once per schema). */
const jsonSchemaValidator = (schema: AnyObject) => {
  const validate = ajv.compile(schema);
  return (doc: unknown) => validate(doc) === true;
};

/** Options for every mingo call the store makes. */
function mingoOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { context: CONTEXT, jsonSchemaValidator, ...extra };
}

/** A query with the store's operators, for conditions nested in an operator (`$elemMatch`). */
function nestedQuery(condition: AnyObject, options: Options): QueryType<AnyObject> {
  return new Query(condition, mingoOptions({ collation: options.collation }));
}

/** A compiled query with the store's operators. */
export function newQuery(filter: AnyObject): { test(doc: AnyObject): boolean } {
  return new Query(filter, mingoOptions());
}

/** Runs a pipeline with the store's operators; `$lookup` reads other collections through `resolve`. */
export function aggregateWith(
  docs: AnyObject[],
  pipeline: AnyObject[],
  resolveCollection?: (name: string) => AnyObject[],
): AnyObject[] {
  return new Aggregator(pipeline, mingoOptions({ collectionResolver: resolveCollection })).run(
    docs,
  ) as AnyObject[];
}

/** Applies an update document in place; returns the changed paths (none: the document is unchanged). */
export function updateInPlace(doc: AnyObject, updateDoc: AnyObject): string[] {
  return updater.update(doc, updateDoc as never, undefined, undefined, {
    cloneMode: 'deep',
    queryOptions: mingoOptions(),
  });
}

/** Whether the store evaluates an operator (`'expression'`, `'accumulator'`, `'query'`, `'pipeline'`). */
export function isRegistered(
  kind: 'expression' | 'accumulator' | 'query' | 'pipeline',
  name: string,
): boolean {
  return CONTEXT.getOperator(kind as never, name) !== null;
}

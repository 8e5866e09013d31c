/**
 * Every action's input schema of every function, read from the contracts themselves, and a walk that finds
 * every string field in them (with its path), so a check over "every text field" covers a field added tomorrow.
 */
import type { z } from 'zod';
import { accountInputs } from '../../cloudfunctions/account/contract';
import { charityInputs } from '../../cloudfunctions/charity/contract';
import { projectsInputs } from '../../cloudfunctions/projects/contract';
import { proposalInputs } from '../../cloudfunctions/proposals/contract';
import { reportsInputs } from '../../cloudfunctions/reports/contract';
import { roomsInputs } from '../../cloudfunctions/rooms/contract';
import { servicesInputs } from '../../cloudfunctions/services/contract';
import { volunteeringInputs } from '../../cloudfunctions/volunteering/contract';

/** Input schemas by function, then by action. */
export const CONTRACTS: Record<string, Record<string, z.ZodType>> = {
  account: accountInputs,
  services: servicesInputs,
  proposals: proposalInputs,
  volunteering: volunteeringInputs,
  charity: charityInputs,
  rooms: roomsInputs,
  projects: projectsInputs,
  reports: reportsInputs,
};

/** One string-valued place in an input: its dotted path (`[]` for array items, `{}` for record keys). */
export interface StringField {
  fn: string;
  action: string;
  path: string;
  schema: z.ZodType;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The string schemas inside `schema` (what a client's string can reach), with their paths. */
export function stringsIn(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): [string, z.ZodType][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const at = (p: string) => (path ? `${path}.${p}` : p);
  const walk = (s: z.ZodType | null | undefined, p: string) => (s ? stringsIn(s, p, seen) : []);
  switch (def.type) {
    case 'string':
      return [[path, schema]];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, s]) => walk(s, at(k)));
    case 'array':
      return walk(def.element, at('[]'));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'catch':
    case 'readonly':
      return walk(def.innerType, path);
    case 'union':
      return (def.options ?? []).flatMap((o) => walk(o, path));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'pipe':
      return walk(def.in, path);
    case 'record':
      return [...walk(def.keyType, at('{}')), ...walk(def.valueType, at('*'))];
    case 'tuple':
      return [...(def.items ?? []).flatMap((s, i) => walk(s, at(String(i)))), ...walk(def.rest, at('[]'))];
    case 'lazy':
      return walk(def.getter?.(), path);
    default:
      return [];
  }
}

/** Every string field of every action of every function. */
export function everyStringField(): StringField[] {
  return Object.entries(CONTRACTS).flatMap(([fn, actions]) =>
    Object.entries(actions).flatMap(([action, schema]) =>
      stringsIn(schema).map(([path, s]) => ({ fn, action, path, schema: s })),
    ),
  );
}

/**
 * Every cloud function's actions as types: the name of each function and action, what the client sends
 * (`z.input` of the action's schema) and what the action returns (`run`'s result). Both sides and the tests
 * take call types from here, so nothing keeps a copy by hand. Type-only: nothing of the functions is bundled.
 */
import type { z } from 'zod';
import type { actions as account } from './account/index';
import type { actions as charity } from './charity/index';
import type { actions as projects } from './projects/index';
import type { actions as proposals } from './proposals/index';
import type { actions as reports } from './reports/index';
import type { actions as rooms } from './rooms/index';
import type { actions as services } from './services/index';
import type { actions as volunteering } from './volunteering/index';
import type { Action } from './common/action';

/** The actions of each function, by function name. */
interface Manifest {
  account: typeof account;
  charity: typeof charity;
  projects: typeof projects;
  proposals: typeof proposals;
  reports: typeof reports;
  rooms: typeof rooms;
  services: typeof services;
  volunteering: typeof volunteering;
}

/** A cloud function's name (one function per capability). */
export type FunctionName = keyof Manifest;

/** An action of function `F`. */
export type ActionName<F extends FunctionName> = keyof Manifest[F] & string;

/**
 * What the client sends to `F.A`: the input of its zod schema (fields with defaults stay optional); for a union
 * of actions, the union of their inputs.
 */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = A extends unknown
  ? Manifest[F][A] extends Action<infer S, unknown>
    ? z.input<S>
    : never
  : never;

/** What `F.A` returns on success (the `data` of its reply); for a union of actions, the union of results. */
export type ActionResult<F extends FunctionName, A extends ActionName<F>> = A extends unknown
  ? Manifest[F][A] extends Action<z.ZodType, infer R>
    ? R
    : never
  : never;

/**
 * The input arguments of `F.A` as a rest tuple: optional when the action takes no field that must be given,
 * required otherwise — `call('account', 'login')` but `call('account', 'unlink', { linkId })`.
 */
export type ActionArgs<F extends FunctionName, A extends ActionName<F>> =
  Record<string, never> extends ActionInput<F, A> ? [input?: ActionInput<F, A>] : [input: ActionInput<F, A>];

/**
 * An action of `F` with its input, typed together: a row of a table of calls. An object, not a tuple, so that
 * TypeScript checks each row's input against its own action.
 */
export type ActionCall<F extends FunctionName> = {
  [A in ActionName<F>]: { action: A; input: ActionInput<F, A> };
}[ActionName<F>];

/**
 * An action: its input schema and a handler that gets the parsed input and the caller. Handlers are thin: they
 * check the role, call the pure domain, and write through the SDK.
 */
import type { z } from 'zod';
import { unauthenticated } from './errors';
import { loadUserByOpenid } from './directory/store';
import type { UserDoc } from './directory/users';

/** What a handler knows about the call. */
export interface ActionContext {
  /** The caller's WeChat openid (from getWXContext, never from the event). */
  openid: string;
  /** The time of the call (common/clock). */
  now: Date;
  /** The caller's user record, loaded once on first use; UNAUTHENTICATED if they never logged in. */
  caller(): Promise<UserDoc>;
  /** Like caller(), but undefined instead of an error for someone who never logged in. */
  callerIfAny(): Promise<UserDoc | undefined>;
}

/** A declared action. */
export interface Action<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S;
  run(input: z.output<S>, ctx: ActionContext): Promise<O>;
}

/** Declares an action (keeps the input type flowing into the handler). */
export function action<S extends z.ZodType, O>(spec: Action<S, O>): Action<S, O> {
  return spec;
}

/** The context of one call. */
export function actionContext(openid: string, now: Date): ActionContext {
  let loaded: Promise<UserDoc | undefined> | undefined;
  const callerIfAny = () => (loaded ??= loadUserByOpenid(openid));
  return {
    openid,
    now,
    callerIfAny,
    caller: async () => {
      const user = await callerIfAny();
      if (!user) throw unauthenticated();
      return user;
    },
  };
}

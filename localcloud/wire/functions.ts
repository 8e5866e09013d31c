/** `functions.invokeFunction`: a function calling another (`cloud.callFunction`), as the caller's user. */
import type { FunctionHost } from '../host/functionHost';
import { CloudError, cloudErrors } from './errors';
import type { WireHandler } from './types';

/** Builds the handler. The callee runs with the calling invocation's identity, as on CloudBase. */
export function functionHandlers(host: FunctionHost): Record<string, WireHandler> {
  return {
    'functions.invokeFunction': async (body, ctx) => {
      const name = body.function_name;
      if (typeof name !== 'string' || !name) throw cloudErrors.invalidParam('function_name is required');
      let event: unknown = {};
      if (typeof body.request_data === 'string' && body.request_data !== '') {
        try {
          event = JSON.parse(body.request_data);
        } catch {
          throw cloudErrors.invalidParam('request_data must be JSON');
        }
      }
      const caller = ctx.invocation;
      const outcome = await host.invoke(
        name,
        event,
        { openid: caller?.openid, appid: caller?.appid, unionid: caller?.unionid },
        { source: caller ? 'wx_function' : 'tcb_admin', parent: caller },
      );
      if (!outcome.ok) throw new CloudError(outcome.error.code, outcome.error.message);
      return { data: { response_data: outcome.resultJson } };
    },
  };
}

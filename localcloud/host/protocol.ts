/** Messages between the function host and its workers. */

/** Host → worker: run the function once. */
export interface InvokeMessage {
  type: 'invoke';
  id: string;
  event: unknown;
  context: Record<string, unknown>;
  /** Variables to set (string) or unset (null) in the worker's environment for this invocation. */
  env: Record<string, string | null>;
}

/** Worker → host: the outcome. `resultJson` is the JSON text CloudBase would send back. */
export type ResultMessage =
  | { type: 'result'; id: string; ok: true; resultJson: string }
  | { type: 'result'; id: string; ok: false; error: { name: string; message: string; stack?: string } };

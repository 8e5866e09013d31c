/**
 * Measures setData while a page loads. exparser's `Component.prototype.setData` is wrapped once (before any
 * component exists: j-component copies it into each instance when the instance is created), and while a
 * recording is open every call is attributed to the page or to one of its components. Sizes are the UTF-8
 * bytes of the JSON that would cross from the logic layer to the view layer.
 */

/** The exparser node a setData was called on (only its identity matters here). */
type ExparserNode = object;

interface ExparserModule {
  Component: { prototype: { setData(this: ExparserNode, data: Record<string, unknown>): void } };
}

/** One recorded call. */
interface Call {
  node: ExparserNode;
  bytes: number;
}

/** setData figures of one page load. */
export interface SetDataFigures {
  /** Bytes of the page's initial data plus every page setData during load: what the first render sends. */
  firstRenderBytes: number;
  /** Bytes of the page's initial `data`. */
  initialBytes: number;
  /** Page setData calls during load. */
  calls: number;
  /** The largest single page setData, in bytes. */
  largestBytes: number;
  /** setData calls of the page's components (TDesign and the project's own) during load. */
  componentCalls: number;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
}

let current: Call[] | undefined;
let installed = false;

/** Wraps exparser's setData (idempotent). Must run before the first component is created. */
export function installSetDataRecorder(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as ExparserModule;
  const original = exparser.Component.prototype.setData;
  exparser.Component.prototype.setData = function setData(this: ExparserNode, data) {
    current?.push({ node: this, bytes: jsonBytes(data) });
    original.call(this, data);
  };
}

/** An open recording; {@link SetDataRecording.figures} closes it. */
export interface SetDataRecording {
  /** Figures for the page whose root exparser node is `pageNode`, with `initialData` as its initial data. */
  figures(pageNode: ExparserNode, initialData: unknown): SetDataFigures;
}

/** Starts recording every setData until `figures` is called. */
export function recordSetData(): SetDataRecording {
  installSetDataRecorder();
  const calls: Call[] = [];
  current = calls;
  return {
    figures(pageNode, initialData) {
      if (current === calls) current = undefined;
      const own = calls.filter((call) => call.node === pageNode);
      const initialBytes = jsonBytes(initialData);
      return {
        firstRenderBytes: initialBytes + own.reduce((sum, call) => sum + call.bytes, 0),
        initialBytes,
        calls: own.length,
        largestBytes: own.reduce((max, call) => Math.max(max, call.bytes), 0),
        componentCalls: calls.length - own.length,
      };
    },
  };
}

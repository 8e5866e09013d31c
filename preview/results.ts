import type { Readability } from './camera/protocol';

/** The shape of `audit.json`: one entry per picture, plus the run's warnings and package sizes. Node only. */

/** One picture's figures and verdict. */
export interface ShotResult {
  id: string;
  route: string;
  packageName: string;
  state: string;
  user: string;
  role: string;
  elder: boolean;
  /** False when the page had no declared states. */
  declared: boolean;
  query: Record<string, string>;
  /** Paths relative to the output folder. */
  png?: string;
  html?: string;
  setData: {
    firstRenderBytes: number;
    initialBytes: number;
    calls: number;
    largestBytes: number;
    componentCalls: number;
  };
  tree: { nodes: number; depth: number; maxChildren: number };
  scrollWidth: number;
  scrollHeight: number;
  overflowing: string[];
  visibleText: number;
  visibleImages: number;
  /** Elder-mode figures (camera/readability.ts), without the text itself. */
  readability?: Omit<Readability, 'text'>;
  errors: string[];
  warnings: string[];
  /** Empty when the picture passes every check. */
  problems: string[];
  /** Whole shot, and the parts: cloud + setup + jsdom capture, then Chromium. */
  ms: number;
  captureMs: number;
  cameraMs: number;
}

/** One package's size as uploaded, against its budget. */
export interface PackageSize {
  name: string;
  bytes: number;
  budgetBytes: number;
}

/** Everything a run wrote to audit.json. */
export interface AuditFile {
  at: string;
  chromium: string;
  seed: string;
  warnings: string[];
  shots: ShotResult[];
  packages?: PackageSize[];
  /** How long the pictures took, in ms. */
  ms: number;
}

/**
 * The `reports` function's view types the subpackage's pages show (`import type` only). Calls go through `call`
 * in lib/api.ts, which takes every input and result type from cloudfunctions/manifest.ts.
 */
export type {
  FigureRow,
  Figures,
  MatterChoice,
  QueueView,
  ReportCard,
  ReportDetail,
  StepView,
  Workspace,
} from '../../../../cloudfunctions/reports/contract';

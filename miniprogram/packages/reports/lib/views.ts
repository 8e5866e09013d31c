/**
 * The `reports` function's view types the subpackage's pages show (`import type` only). Calls go through `call`
 * in lib/api.ts, which takes every input and result type from cloudfunctions/manifest.ts.
 */
export type {
  FigureRow,
  Figures,
  GridView,
  MatterChoice,
  MatterView,
  QueueView,
  ReportCard,
  ReportDetail,
  SetupView,
  StepView,
  TeamRole,
  Workspace,
} from '../../../../cloudfunctions/reports/contract';

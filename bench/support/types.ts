/** What every benchmark returns: named figures, and the budget they are held to when there is one. */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  budget?: string;
  withinBudget?: boolean;
}

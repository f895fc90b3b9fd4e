/** The core's addFacts as SQL aggregates over the derived columns; its one parameter is the moment of asking. */
export const METRIC_SUMS_SQL = `COUNT(*), SUM(responded_on_time),
  SUM(CASE WHEN settled = 1 OR resolve_due_at <= ? THEN 1 ELSE 0 END),
  SUM(resolved), SUM(rated), SUM(satisfied),
  SUM(handling_ms IS NOT NULL), COALESCE(SUM(handling_ms), 0), SUM(overdue)`;

import { HEALTH_ASPECTS } from '../core/health/statements';

/** The words the health check's part of an export uses (spread into LABEL_KEYS). */
export const HEALTH_LABEL_KEYS = [
  'board.kind.health', 'export.csv.kind.health', 'export.csv.meeting', 'export.csv.mean', 'export.csv.spread', 'export.csv.count',
  ...HEALTH_ASPECTS.map((a) => `health.aspect.${a}` as const), ...HEALTH_ASPECTS.map((a) => `health.prompt.${a}` as const),
  'health.results.tooFew', 'health.results.everyone', 'health.results.groupsDiffer', 'health.results.improve',
  'health.results.improve.none', 'health.results.comments', 'health.results.byAspect', 'health.results.byStatement',
  'health.results.answered', 'health.results.notShared', 'health.results.legend', 'health.results.mean',
  'health.trend', 'health.trend.improved', 'health.trend.declined', 'health.trend.steady', 'health.trend.label', 'health.run.now',
] as const;

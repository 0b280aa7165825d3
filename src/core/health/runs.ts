import type * as Y from 'yjs';
import { boardPartOf } from '../schema';
import { err, ok, type Result } from '../result';
import type { AspectResult, Cell, HealthResults, StatementResult } from './results';
import { HEALTH_ASPECTS, isAspect, type HealthAspect } from './statements';

/* A run is one health check's results in one meeting, as the facilitator shared them: cells
 * under three answers already without figures, groups by name, no sheet ids. Sharing writes the
 * run on the board (for the room and the summary) and, when the meeting belongs to a series, into
 * the series' document (`healthRuns`), so that the next meeting compares with it even on a device
 * that never held the earlier meeting. The board keeps a copy of the earlier runs it was compared
 * with, so its summary reads from the workshop alone. Runs are compared by aspect, and statements
 * by their built-in key (or their words, for a facilitator's own). */

export interface HealthRun {
  meeting: string;
  board: string;
  /** The meeting's title and date, to label the run. */
  title: string;
  startsAt: string;
  at: number;
  results: HealthResults;
}

export interface SharedResults {
  run: HealthRun;
  /** Earlier runs of the series, oldest first. */
  earlier: HealthRun[];
}

/** A change of an aspect's mean by this much or more from the run before is marked. */
export const TREND_STEP = 0.3;

export const healthRunsOf = (series: Y.Doc) => series.getMap<unknown>('healthRuns');
const publishedOf = (doc: Y.Doc, boardId: string) => boardPartOf<unknown>(doc, boardId, 'published');

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/* Runs come from any device of the room or the series: every field is checked as it is read. */
function readCell(raw: unknown): Cell | undefined {
  const c = obj(raw);
  const dist = c.distribution === null ? null : arr(c.distribution);
  if (!isNum(c.count) || !isNum(c.dontKnow)) return undefined;
  const figures = isNum(c.mean) && isNum(c.spread) && dist !== null && dist.length === 5 && dist.every(isNum);
  return figures
    ? { count: c.count, dontKnow: c.dontKnow, mean: c.mean as number, spread: c.spread as number, distribution: dist as number[] }
    : { count: c.count, dontKnow: c.dontKnow, mean: null, spread: null, distribution: null };
}

const readCells = (raw: unknown, n: number): Cell[] | undefined => {
  const cells = arr(raw).map(readCell);
  return cells.length === n && cells.every((c) => c !== undefined) ? (cells as Cell[]) : undefined;
};

function readResults(raw: unknown): HealthResults | undefined {
  const r = obj(raw);
  const groups = arr(r.groups).map(obj).filter((g) => isStr(g.name) && isStr(g.color)).map((g) => ({ name: g.name as string, color: g.color as string }));
  if (!isNum(r.answered) || groups.length !== arr(r.groups).length) return undefined;
  const statements: StatementResult[] = [];
  for (const raw of arr(r.statements)) {
    const s = obj(raw);
    const all = readCell(s.all);
    const cells = readCells(s.groups, groups.length);
    if (!isStr(s.id) || !isStr(s.key) || !isStr(s.text) || !isAspect(s.aspect) || !all || !cells) return undefined;
    const comments = arr(s.comments).filter(isStr);
    statements.push({ id: s.id, key: s.key, text: s.text, aspect: s.aspect, all, groups: cells, differ: s.differ === true, comments });
  }
  const aspects: AspectResult[] = [];
  for (const raw of arr(r.aspects)) {
    const a = obj(raw);
    const all = readCell(a.all);
    const cells = readCells(a.groups, groups.length);
    if (!isAspect(a.aspect) || !all || !cells) return undefined;
    aspects.push({ aspect: a.aspect, all, groups: cells });
  }
  const ids = new Set(statements.map((s) => s.id));
  return { answered: r.answered, groups, statements, aspects, improve: arr(r.improve).filter((id): id is string => isStr(id) && ids.has(id)) };
}

export function readRun(raw: unknown): HealthRun | undefined {
  const r = obj(raw);
  const results = readResults(r.results);
  if (!results || !isStr(r.meeting) || !isStr(r.board) || !isStr(r.title) || !isStr(r.startsAt) || !isNum(r.at)) return undefined;
  return { meeting: r.meeting, board: r.board, title: r.title, startsAt: r.startsAt, at: r.at, results };
}

const byDate = (a: HealthRun, b: HealthRun) => (a.startsAt || '9').localeCompare(b.startsAt || '9') || a.at - b.at;

/** Shares `run` on its board with the earlier runs it is compared with, in one transaction. */
export function shareResults(doc: Y.Doc, boardId: string, run: HealthRun, earlier: readonly HealthRun[], origin: unknown): Result<void, 'no-board'> {
  const published = publishedOf(doc, boardId);
  if (!published) return err('no-board', boardId);
  doc.transact(() => {
    published.set('run', run);
    published.set('earlier', [...earlier]);
  }, origin);
  return ok(undefined);
}

/** The results a facilitator shared on the board, if any. */
export function sharedResults(doc: Y.Doc, boardId: string): SharedResults | undefined {
  const published = publishedOf(doc, boardId);
  const run = readRun(published?.get('run'));
  if (!run) return undefined;
  const earlier = arr(published?.get('earlier')).map(readRun).filter((r): r is HealthRun => r !== undefined).sort(byDate);
  return { run, earlier };
}

/** Keeps `run` in the series, one entry per meeting and board (sharing again replaces it). */
export function recordRun(series: Y.Doc, run: HealthRun, origin: unknown): void {
  series.transact(() => healthRunsOf(series).set(`${run.meeting}:${run.board}`, run), origin);
}

/** The series' runs from meetings other than `meeting`, oldest first. */
export function earlierRuns(series: Y.Doc, meeting: string): HealthRun[] {
  return [...healthRunsOf(series).values()].map(readRun)
    .filter((r): r is HealthRun => r !== undefined && r.meeting !== meeting)
    .sort(byDate);
}

export type TrendChange = 'improved' | 'declined' | 'steady';

export interface AspectTrend {
  aspect: HealthAspect;
  /** One per run, oldest first; null where the run had too few answers or no such aspect. */
  means: (number | null)[];
  /** The last run against the one before it that has a figure; null without two figures. */
  change: TrendChange | null;
}

/** Each aspect of the last run, traced through `runs` (oldest first, the current one last). */
export function aspectTrends(runs: readonly HealthRun[]): AspectTrend[] {
  const last = runs.at(-1);
  if (!last) return [];
  return HEALTH_ASPECTS.filter((a) => last.results.aspects.some((r) => r.aspect === a)).map((aspect) => {
    const means = runs.map((run) => run.results.aspects.find((r) => r.aspect === aspect)?.all.mean ?? null);
    const now = means.at(-1);
    const before = means.slice(0, -1).filter((m): m is number => m !== null).at(-1);
    const change = now == null || before === undefined ? null
      : now - before >= TREND_STEP - 1e-9 ? 'improved' : before - now >= TREND_STEP - 1e-9 ? 'declined' : 'steady';
    return { aspect, means, change };
  });
}

/** A statement's run-to-run match: its built-in key, or its words for a facilitator's own. */
export const statementMatch = (s: { key: string; text: string }): string => s.key || `text:${s.text.trim().toLowerCase()}`;

/** Where a trend's points sit in a `width` × `height` chart (1 at the foot, 5 at the head):
 *  one per run, null where the run has no figure. The screen and the summary draw the same. */
export function trendPoints(means: readonly (number | null)[], width: number, height: number, pad = 4): ({ x: number; y: number } | null)[] {
  const step = means.length > 1 ? (width - 2 * pad) / (means.length - 1) : 0;
  return means.map((m, i) => (m === null ? null : {
    x: Math.round((means.length > 1 ? pad + i * step : width / 2) * 10) / 10,
    y: Math.round((height - pad - ((m - 1) / 4) * (height - 2 * pad)) * 10) / 10,
  }));
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { healthResults } from '../../../../src/core/health/results';
import { aspectTrends, earlierRuns, readRun, recordRun, sharedResults, shareResults, type HealthRun } from '../../../../src/core/health/runs';
import { openSheets } from '../../../../src/core/health/sheets';
import { listGroups } from '../../../../src/core/groups';
import { listStatements } from '../../../../src/core/health/statements';
import { send, unwrap } from '../helpers';
import { healthRoom, phoneOf, rate, syncAll } from './fixture';

/** A run of the review set in which everyone rates every statement `rating`. */
function runWith(rating: number, meeting: string, startsAt: string): { run: HealthRun; room: ReturnType<typeof healthRoom> } {
  const room = healthRoom();
  const { laptop, root, board, statements, gov, dp, creator } = room;
  const phones = [gov, gov, gov, dp].map((g) => phoneOf(laptop, g));
  for (const p of phones) rate(p, root, board, Object.fromEntries(statements.map((s) => [s.id, rating])));
  syncAll([laptop, ...phones.map((p) => p.doc)]);
  const results = healthResults(listStatements(laptop, board), openSheets(laptop, board, creator.keys.sealing.secret), listGroups(laptop));
  return { run: { meeting, board, title: `Meeting ${meeting}`, startsAt, at: 1, results }, room };
}

describe('health-check runs over time', () => {
  it('shared results reach another device as plain figures, with cells under three left without', () => {
    const { run, room } = runWith(2, 'm1', '2026-01-10');
    unwrap(shareResults(room.laptop, room.board, run, [], 'f'));
    const other = new Y.Doc();
    send(room.laptop, other);
    const shared = sharedResults(other, room.board)!;
    expect(shared.run.results.statements[0]!.all.mean).toBe(2);
    const dp = shared.run.results.groups.findIndex((g) => g.name === 'Development Partners');
    expect(shared.run.results.statements[0]!.groups[dp]).toEqual({ count: 1, dontKnow: 0, mean: null, spread: null, distribution: null });
    expect(JSON.stringify(shared)).not.toMatch(/owner|"rev"/);
  });

  it('the series keeps one run per meeting and board; the trend marks improved and declined aspects', () => {
    const series = new Y.Doc();
    const first = runWith(2, 'm1', '2026-01-10').run;
    const second = runWith(4, 'm2', '2026-04-10').run;
    recordRun(series, second, 's');
    recordRun(series, first, 's');
    recordRun(series, first, 's');
    expect(earlierRuns(series, 'm3').map((r) => r.meeting)).toEqual(['m1', 'm2']);
    expect(earlierRuns(series, 'm2').map((r) => r.meeting)).toEqual(['m1']);
    const trends = aspectTrends([first, second]);
    expect(trends.map((t) => [t.aspect, t.means, t.change])).toEqual([
      ['impact', [2, 4], 'improved'], ['relationship', [2, 4], 'improved'], ['value', [2, 4], 'improved'],
    ]);
    expect(aspectTrends([second, first])[0]!.change).toBe('declined');
    expect(aspectTrends([first])[0]!.change).toBeNull();
  });

  it('a malformed run from a modified client is skipped, not shown', () => {
    const { run } = runWith(3, 'm1', '');
    expect(readRun({ ...run, results: { ...run.results, statements: [{ id: 1 }] } })).toBeUndefined();
    expect(readRun({ ...run, at: 'now' })).toBeUndefined();
    expect(readRun(JSON.parse(JSON.stringify(run)))).toEqual(run);
  });
});

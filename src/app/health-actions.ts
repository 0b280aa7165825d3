import type * as Y from 'yjs';
import { listGroups } from '../core/groups';
import { healthResults, type HealthResults } from '../core/health/results';
import { earlierRuns, recordRun, shareResults, type HealthRun } from '../core/health/runs';
import { addStatements, listStatements, removeStatement, setStatements, updateStatement, type HealthSet } from '../core/health/statements';
import { getMeta } from '../core/meta';
import { ok } from '../core/result';
import { t } from '../i18n/i18n';
import type { Answer, Sheet } from './facilitation.svelte';
import { outcome, type Outcome } from './outcome';
import type { BoardWriter, WorkshopSession } from './workshop-session.svelte';
import { DocView } from './y-view.svelte';

/** The series a meeting belongs to, as far as the health check needs it. */
export interface HealthSeries {
  doc: Y.Doc;
  origin: object;
}

/** The changes a health-check board makes. Statements are ordinary writes of the facilitator;
 *  answers are sealed through the facilitation, which holds this device's keys. */
export class HealthActions {
  readonly #board: BoardWriter;

  constructor(private readonly session: WorkshopSession, readonly boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  /** Adds a built-in set in this person's language; returns how many were new, or an error. */
  addSet(set: HealthSet): { added: number } | { error: string } {
    const entries = setStatements(set).map((s) => ({ ...s, text: t(`health.statement.${s.key}` as Parameters<typeof t>[0]) }));
    const r = this.#board.run(({ doc, boardId, origin }) => addStatements(doc, boardId, entries, origin));
    return r.ok ? { added: r.value } : { error: outcome(r)! };
  }

  addOwn(aspect: string, text: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => addStatements(doc, boardId, [{ aspect, text }], origin)));
  }

  update(id: string, changes: { text?: string; aspect?: string }): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => updateStatement(doc, boardId, id, changes, origin)));
  }

  remove(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => removeStatement(doc, boardId, id, origin)));
  }

  /** Answers as this device's participant, for their partner group. The participant is
   *  registered in a transaction of its own first (as for a hidden note), so the sealed sheet's
   *  update carries nothing of them. */
  answer(changes: Record<string, Answer | null>): Outcome {
    const group = this.#board.run(({ author }) => ok(author.group));
    return this.session.facilitation.answerHealth(this.boardId, group.ok ? group.value : '', changes);
  }

  /** The results of the sheets this device opens (a facilitator's: all of them). */
  results(sheets: readonly Sheet[]): HealthResults {
    const doc = this.session.doc;
    return healthResults(listStatements(doc, this.boardId), sheets, listGroups(doc));
  }

  /** Shares `results` on the board with the series' earlier runs, and keeps the run in the
   *  series for the meetings after this one. */
  share(results: HealthResults, series: HealthSeries | undefined): Outcome {
    const doc = this.session.doc;
    const meta = getMeta(doc);
    const run: HealthRun = { meeting: this.session.id, board: this.boardId, title: meta.title, startsAt: meta.startsAt, at: Date.now(), results };
    const earlier = series ? earlierRuns(series.doc, this.session.id) : [];
    const shared = outcome(shareResults(doc, this.boardId, run, earlier, this.session.untrackedOrigin));
    if (!shared && series) recordRun(series.doc, run, series.origin);
    return shared;
  }
}

/** The series' runs of meetings other than this one, oldest first, as they arrive. */
export const earlierRunsView = (series: HealthSeries, meeting: string): DocView<HealthRun[]> =>
  new DocView(series.doc, () => earlierRuns(series.doc, meeting));

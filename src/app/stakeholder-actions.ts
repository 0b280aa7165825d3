import type { Result } from '../core/result';
import {
  addRelationship, addStakeholder, addStakeholders, type BatchRelationship, clearEstimate, deleteRelationship, deleteStakeholder, nudgeStakeholder,
  placeStakeholder, updateStakeholder, type Position, type StakeholderFields,
} from '../core/stakeholders';
import { t } from '../i18n/i18n';
import { outcome as anyOutcome, type BoardWriter, type Outcome, type WorkshopSession } from './workshop-session.svelte';

const FIELDS = ['name', 'needs', 'interests', 'motivations', 'brings'] as const;
type Field = (typeof FIELDS)[number];
const isField = (detail: string | undefined): detail is Field => (FIELDS as readonly unknown[]).includes(detail);

/** The core names the failing field in `detail` of a text error, so say which field it was. */
function outcome(r: Result<unknown>): Outcome {
  if (!r.ok && isField(r.detail) && (r.error === 'empty' || r.error === 'too-long')) {
    return t(`stakeholders.err.${r.error}`, { field: t(`stakeholders.${r.detail}`) });
  }
  return anyOutcome(r);
}

/** The changes a stakeholder-map board makes, as this device's participant. */
export class StakeholderActions {
  readonly #board: BoardWriter;

  constructor(session: WorkshopSession, boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  add(fields: Partial<StakeholderFields> & { name: string }): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      addStakeholder(doc, boardId, { ...fields, createdBy: author.createdBy }, origin)));
  }

  update(id: string, changes: Partial<StakeholderFields>): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => updateStakeholder(doc, boardId, id, changes, origin)));
  }

  remove(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteStakeholder(doc, boardId, id, origin)));
  }

  /** Puts my estimate of the stakeholder at `position`. */
  place(id: string, position: Position): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      placeStakeholder(doc, boardId, id, author.createdBy, position, origin)));
  }

  /** Moves my estimate by whole steps per axis (the keyboard and the phone's buttons). */
  nudge(id: string, steps: Partial<Position>): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      nudgeStakeholder(doc, boardId, id, author.createdBy, steps, origin)));
  }

  clearMine(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) => clearEstimate(doc, boardId, id, author.createdBy, origin)));
  }

  relate(from: string, to: string, label: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => addRelationship(doc, boardId, { from, to, label }, origin)));
  }

  /** A checked spreadsheet import, as one change (one step to undo). */
  addMany(batch: { stakeholders: (Partial<StakeholderFields> & { name: string })[]; relationships: BatchRelationship[] }): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) => addStakeholders(doc, boardId, batch, author.createdBy, origin)));
  }

  unrelate(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteRelationship(doc, boardId, id, origin)));
  }
}

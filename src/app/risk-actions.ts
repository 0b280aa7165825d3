import type { Result } from '../core/result';
import {
  addAssumption, addRisk, clearRiskEstimate, deleteAssumption, deleteRedLine, deleteRisk, nudgeRisk, updateRisk,
  type RiskEstimate, type RiskFields,
} from '../core/risks';
import { fieldOutcome } from './field-outcome';
import type { BoardWriter, Outcome, WorkshopSession } from './workshop-session.svelte';

const LABELS = { text: 'risks.text', mitigation: 'risks.mitigation', owner: 'risks.owner' } as const;
const outcome = (r: Result<unknown>): Outcome => fieldOutcome(r, LABELS, { empty: 'risks.err.empty', 'too-long': 'risks.err.too-long' });

/** The changes a risks board makes, as this device's participant. Red lines are sealed, so they
 *  go through the session and the facilitation, which hold this device's keys. */
export class RiskActions {
  readonly #board: BoardWriter;

  constructor(session: WorkshopSession, boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  add(fields: RiskFields): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) => addRisk(doc, boardId, { ...fields, createdBy: author.createdBy }, origin)));
  }

  update(id: string, changes: Partial<RiskFields>): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => updateRisk(doc, boardId, id, changes, origin)));
  }

  remove(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteRisk(doc, boardId, id, origin)));
  }

  /** Moves my estimate by whole steps per axis (the card's − and + buttons). */
  nudge(id: string, steps: Partial<RiskEstimate>): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) => nudgeRisk(doc, boardId, id, author.createdBy, steps, origin)));
  }

  clearMine(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) => clearRiskEstimate(doc, boardId, id, author.createdBy, origin)));
  }

  assume(text: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) => addAssumption(doc, boardId, { text, createdBy: author.createdBy }, origin)));
  }

  removeAssumption(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteAssumption(doc, boardId, id, origin)));
  }

  /** Takes a revealed red line off the board (the facilitator's screen offers it). */
  removeRedLine(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteRedLine(doc, boardId, id, origin)));
  }
}

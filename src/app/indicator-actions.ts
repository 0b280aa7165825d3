import type { Answer } from '../core/consent';
import { addIndicator, answerIndicator, deleteIndicator, updateIndicator, type IndicatorFields } from '../core/indicators';
import { outcome, type BoardWriter, type Outcome, type WorkshopSession } from './workshop-session.svelte';

/** What a person does on one indicators board: add, complete, delete, answer each round. */
export class IndicatorActions {
  readonly #board: BoardWriter;

  constructor(private readonly session: WorkshopSession, boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  get me(): string {
    return this.session.participantId;
  }

  add(fields: IndicatorFields): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      addIndicator(doc, boardId, { ...fields, createdBy: author.createdBy }, origin)));
  }

  update(id: string, changes: Partial<IndicatorFields>): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => updateIndicator(doc, boardId, id, changes, origin)));
  }

  remove(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteIndicator(doc, boardId, id, origin)));
  }

  /** This participant's answer for their group (null withdraws it), replacing their last. */
  answer(id: string, answer: Answer | null, reason = ''): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      answerIndicator(doc, boardId, id, { participant: author.createdBy, group: author.group }, { answer, reason }, origin)));
  }
}

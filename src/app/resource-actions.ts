import {
  addCategory, addNeed, addPledge, deleteNeed, deletePledge, updateNeed, updatePledge, type NeedFields, type PledgeFields,
} from '../core/resources';
import type { Result } from '../core/result';
import { fieldOutcome } from './field-outcome';
import type { BoardWriter, Outcome, WorkshopSession } from './workshop-session.svelte';

const LABELS = {
  title: 'resources.need.title', detail: 'resources.need.detail', unit: 'resources.unit',
  what: 'resources.pledge.what', outside: 'resources.pledge.outside.name',
} as const;
const outcome = (r: Result<unknown>): Outcome =>
  fieldOutcome(r, LABELS, { empty: 'resources.err.empty', 'too-long': 'resources.err.too-long' });

/** The changes a resources-and-commitments board makes, as this device's participant. */
export class ResourceActions {
  readonly #board: BoardWriter;

  constructor(session: WorkshopSession, boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  addNeed(fields: NeedFields): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      addNeed(doc, boardId, { ...fields, createdBy: author.createdBy }, origin)));
  }

  updateNeed(id: string, changes: Partial<NeedFields>): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => updateNeed(doc, boardId, id, changes, origin)));
  }

  removeNeed(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteNeed(doc, boardId, id, origin)));
  }

  addCategory(name: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => addCategory(doc, boardId, name, origin)));
  }

  pledge(fields: PledgeFields): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      addPledge(doc, boardId, { ...fields, createdBy: author.createdBy }, origin)));
  }

  updatePledge(id: string, changes: Partial<PledgeFields>): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => updatePledge(doc, boardId, id, changes, origin)));
  }

  removePledge(id: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deletePledge(doc, boardId, id, origin)));
  }
}

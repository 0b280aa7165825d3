import {
  addProposal, deleteProposal, editProposal, moveProposal, respond, type Answer, type Principle,
} from '../core/ground-rules';
import { outcome, type BoardWriter, type Outcome, type WorkshopSession } from './workshop-session.svelte';

/** What a person does on one ground-rules board: propose, reword, reorder, delete, answer. */
export class GroundRulesActions {
  readonly #board: BoardWriter;

  constructor(private readonly session: WorkshopSession, boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  get me(): string {
    return this.session.participantId;
  }

  /** A rule in one's own words, or a partnering principle's suggested wording (`principle`). */
  propose(text: string, principle?: Principle): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      addProposal(doc, boardId, { text, proposedBy: author.createdBy, principle }, origin)));
  }

  edit(proposalId: string, text: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => editProposal(doc, boardId, proposalId, text, origin)));
  }

  move(proposalId: string, toIndex: number): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => moveProposal(doc, boardId, proposalId, toIndex, origin)));
  }

  remove(proposalId: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteProposal(doc, boardId, proposalId, origin)));
  }

  /** This participant's answer in the consent round (null withdraws it), replacing their last. */
  respond(proposalId: string, answer: Answer | null, reason = ''): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      respond(doc, boardId, proposalId, author.createdBy, { answer, reason, group: author.group }, origin)));
  }
}

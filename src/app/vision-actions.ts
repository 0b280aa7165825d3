import type { Answer } from '../core/consent';
import { answerVersion, deleteVersion, editVision, nameVersion, restoreVersion } from '../core/vision';
import { outcome, type BoardWriter, type Outcome, type WorkshopSession } from './workshop-session.svelte';

/** What a person does on one vision board: edit the shared statement, keep and manage named
 *  versions (the facilitator), answer a version's consent round. */
export class VisionActions {
  readonly #board: BoardWriter;

  constructor(private readonly session: WorkshopSession, boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  get me(): string {
    return this.session.participantId;
  }

  /** The statement as the person's text box now holds it; only the changed characters are written. */
  edit(text: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => editVision(doc, boardId, text, origin)));
  }

  name(name: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) => nameVersion(doc, boardId, { name, createdBy: author.createdBy }, origin)));
  }

  restore(versionId: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => restoreVersion(doc, boardId, versionId, origin)));
  }

  remove(versionId: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteVersion(doc, boardId, versionId, origin)));
  }

  /** This participant's answer for their group (null withdraws it), replacing their last. */
  answer(versionId: string, answer: Answer | null, reason = ''): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      answerVersion(doc, boardId, versionId, { participant: author.createdBy, group: author.group }, { answer, reason }, origin)));
  }
}

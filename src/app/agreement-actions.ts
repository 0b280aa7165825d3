import { acceptSection, editPrompt } from '../core/agreement';
import type { Answer } from '../core/consent';
import { outcome, type BoardWriter, type Outcome, type WorkshopSession } from './workshop-session.svelte';

/** What a person does on an agreement board: write into its questions, and answer for their
 *  partner group on each section. */
export class AgreementActions {
  readonly #board: BoardWriter;

  constructor(private readonly session: WorkshopSession, boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  get me(): string {
    return this.session.participantId;
  }

  edit(prompt: string, text: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => editPrompt(doc, boardId, prompt, text, origin)));
  }

  /** This participant's answer for their group (null withdraws it), replacing their last. */
  accept(section: string, answer: Answer | null, reason = ''): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin, author }) =>
      acceptSection(doc, boardId, section, { participant: author.createdBy, group: author.group }, { answer, reason }, origin)));
  }
}

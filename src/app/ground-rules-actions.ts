import {
  addProposal, deleteProposal, editProposal, moveProposal, respond, type Answer, type Principle,
} from '../core/ground-rules';
import { outcome, type Outcome, type WorkshopSession } from './workshop-session.svelte';

/** What a person does on one ground-rules board: propose, reword, reorder, delete, answer. */
export class GroundRulesActions {
  constructor(private readonly session: WorkshopSession, private readonly boardId: string) {}

  get me(): string {
    return this.session.participantId;
  }

  /** A rule in one's own words, or a partnering principle's suggested wording (`principle`). */
  propose(text: string, principle?: Principle): Outcome {
    const { doc, origin } = this.session;
    return outcome(doc.transact(
      () => addProposal(doc, this.boardId, { text, proposedBy: this.session.author().createdBy, principle }, origin),
      origin,
    ));
  }

  edit(proposalId: string, text: string): Outcome {
    return outcome(editProposal(this.session.doc, this.boardId, proposalId, text, this.session.origin));
  }

  move(proposalId: string, toIndex: number): Outcome {
    return outcome(moveProposal(this.session.doc, this.boardId, proposalId, toIndex, this.session.origin));
  }

  remove(proposalId: string): Outcome {
    return outcome(deleteProposal(this.session.doc, this.boardId, proposalId, this.session.origin));
  }

  /** This participant's answer in the consent round (null withdraws it), replacing their last. */
  respond(proposalId: string, answer: Answer | null, reason = ''): Outcome {
    const { doc, origin } = this.session;
    return outcome(doc.transact(
      () => respond(doc, this.boardId, proposalId, this.session.author().createdBy, { answer, reason }, origin),
      origin,
    ));
  }
}

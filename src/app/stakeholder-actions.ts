import type { Result } from '../core/result';
import {
  addRelationship, addStakeholder, clearEstimate, deleteRelationship, deleteStakeholder, nudgeStakeholder,
  placeStakeholder, updateStakeholder, type Position, type StakeholderFields,
} from '../core/stakeholders';
import { t } from '../i18n/i18n';
import { outcome as anyOutcome, type Outcome, type WorkshopSession } from './workshop-session.svelte';

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
  constructor(private readonly session: WorkshopSession, private readonly boardId: string) {}

  /** Runs one core write inside a transaction that first registers the participant, so the
   *  write and its author arrive at other devices together. */
  #asAuthor(write: (participant: string) => Result<unknown>): Outcome {
    const { doc, origin } = this.session;
    let result: Result<unknown> | undefined;
    doc.transact(() => { result = write(this.session.author().createdBy); }, origin);
    return outcome(result!);
  }

  add(fields: Partial<StakeholderFields> & { name: string }): Outcome {
    const { doc, origin } = this.session;
    return this.#asAuthor((createdBy) => addStakeholder(doc, this.boardId, { ...fields, createdBy }, origin));
  }

  update(id: string, changes: Partial<StakeholderFields>): Outcome {
    return outcome(updateStakeholder(this.session.doc, this.boardId, id, changes, this.session.origin));
  }

  remove(id: string): Outcome {
    return outcome(deleteStakeholder(this.session.doc, this.boardId, id, this.session.origin));
  }

  /** Puts my estimate of the stakeholder at `position`. */
  place(id: string, position: Position): Outcome {
    const { doc, origin } = this.session;
    return this.#asAuthor((me) => placeStakeholder(doc, this.boardId, id, me, position, origin));
  }

  /** Moves my estimate by whole steps per axis (the keyboard and the phone's buttons). */
  nudge(id: string, steps: Partial<Position>): Outcome {
    const { doc, origin } = this.session;
    return this.#asAuthor((me) => nudgeStakeholder(doc, this.boardId, id, me, steps, origin));
  }

  clearMine(id: string): Outcome {
    const { doc, origin } = this.session;
    return this.#asAuthor((me) => clearEstimate(doc, this.boardId, id, me, origin));
  }

  relate(from: string, to: string, label: string): Outcome {
    return outcome(addRelationship(this.session.doc, this.boardId, { from, to, label }, this.session.origin));
  }

  unrelate(id: string): Outcome {
    return outcome(deleteRelationship(this.session.doc, this.boardId, id, this.session.origin));
  }
}

import { clusterNote, addCluster, deleteCluster, listNotes, moveNote, renameCluster, type Quadrant } from '../core/swot';
import { err } from '../core/result';
import { outcome, type BoardWriter, type Outcome, type WorkshopSession } from './workshop-session.svelte';

/** What a person does on one SWOT board beyond adding, editing and deleting notes (the session
 *  does those for every board): moving notes, and the facilitator's headings. */
export class SwotActions {
  readonly #board: BoardWriter;

  constructor(private readonly session: WorkshopSession, private readonly boardId: string) {
    this.#board = session.onBoard(boardId);
  }

  /** Puts a note at slot `toIndex` of the notes under `cluster` ('' = loose) of `quadrant`. */
  move(noteId: string, target: { quadrant: Quadrant; cluster: string; toIndex: number }): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => moveNote(doc, boardId, noteId, target, origin)));
  }

  /** To the end of another quadrant's loose notes (the move menu's quadrant choices). */
  toQuadrant(noteId: string, quadrant: Quadrant): Outcome {
    return this.move(noteId, { quadrant, cluster: '', toIndex: this.#siblings(noteId, quadrant, '').length });
  }

  /** One place up (-1) or down (+1) among the notes shown beside it; no-op at either end. */
  shift(noteId: string, by: -1 | 1): Outcome {
    const note = listNotes(this.session.doc, this.boardId).find((n) => n.id === noteId);
    if (!note) return outcome(err('no-item', noteId));
    const quadrant = note.lane as Quadrant;
    const all = this.#siblings(noteId, quadrant, note.cluster, true);
    const from = all.findIndex((n) => n.id === noteId);
    const to = from + by;
    if (to < 0 || to >= all.length) return null;
    return this.move(noteId, { quadrant, cluster: note.cluster, toIndex: to });
  }

  /** Under a facilitator's heading, or loose in its quadrant with ''. */
  underHeading(noteId: string, clusterId: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => clusterNote(doc, boardId, noteId, clusterId, origin)));
  }

  addHeading(quadrant: Quadrant, title: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => addCluster(doc, boardId, { title, quadrant }, origin)));
  }

  renameHeading(clusterId: string, title: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => renameCluster(doc, boardId, clusterId, title, origin)));
  }

  deleteHeading(clusterId: string): Outcome {
    return outcome(this.#board.run(({ doc, boardId, origin }) => deleteCluster(doc, boardId, clusterId, origin)));
  }

  /** The notes shown in one list (a quadrant's loose notes, or one heading's), in order. */
  #siblings(noteId: string, quadrant: Quadrant, cluster: string, includeSelf = false) {
    return listNotes(this.session.doc, this.boardId)
      .filter((n) => n.lane === quadrant && n.cluster === cluster && (includeSelf || n.id !== noteId));
  }
}

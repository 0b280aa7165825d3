import type * as Y from 'yjs';
import { isBoardType } from './board-kinds';
import { createBoard, type BoardError } from './boards';
import { addStep, type AgendaError } from './facilitation/agenda';
import type { Signer } from './facilitation/controls';
import { initWorkshop } from './meta';
import { ok, type Result } from './result';
import type { WorkshopPlan } from './workshop-plan';

/** Stamps the empty `doc` as a workshop made from `plan`: its boards in order, titles and prompts
 *  in the creator's words (`words` resolves a plan's i18n keys), and its agenda signed by
 *  `signer`. Boards of a kind this version does not know are left out, with their steps.
 *  Returns each created board's plan `ref` with its id. */
export function createFromPlan<K extends string>(
  doc: Y.Doc, plan: WorkshopPlan<K>, fields: { title: string; createdBy: string; locale: string },
  words: (key: K) => string, signer: Signer, origin: unknown,
): Result<Map<string, string>, BoardError | AgendaError> {
  const boards = new Map<string, string>();
  let failed: Result<never, BoardError | AgendaError> | undefined;
  // One transaction: whoever receives the workshop receives all of it.
  doc.transact(() => {
    const init = initWorkshop(doc, fields, origin);
    if (!init.ok) return void (failed = init);
    for (const board of plan.boards) {
      if (!isBoardType(board.kind)) continue;
      const made = createBoard(doc, { type: board.kind, title: words(board.title), prompt: words(board.prompt) }, origin);
      if (!made.ok) return void (failed = made);
      boards.set(board.ref, made.value);
    }
    for (const step of plan.agenda) {
      const boardId = boards.get(step.board);
      if (!boardId) continue;
      const added = addStep(doc, signer, { boardId, title: step.title === undefined ? '' : words(step.title), minutes: step.minutes }, origin);
      if (!added.ok) return void (failed = added);
    }
  }, origin);
  return failed ?? ok(boards);
}

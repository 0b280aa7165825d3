import { onDestroy } from 'svelte';
import type * as Y from 'yjs';
import type { WorkshopSession } from './workshop-session.svelte';

/** A board screen's undo and redo of this device's own changes, gone with the screen. `step`
 *  runs one action of the person as one undo step, however quickly the next one follows. Call
 *  it while the component initialises. */
export function boardUndo(session: WorkshopSession, boardId: string): { undo: Y.UndoManager; step: <T>(action: () => T) => T } {
  const undo = session.undoFor(boardId);
  onDestroy(() => undo.destroy());
  return {
    undo,
    step: (action) => {
      undo.stopCapturing();
      return action();
    },
  };
}

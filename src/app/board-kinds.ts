import type { BoardType } from '../core/boards';

/** The kinds of board this version has screens for, offered when adding a board. The core knows
 *  more types (stakeholder map, ground rules) whose screens come later. */
export const BOARD_KINDS = ['notes', 'swot'] as const satisfies readonly BoardType[];
export type BoardKind = (typeof BOARD_KINDS)[number];

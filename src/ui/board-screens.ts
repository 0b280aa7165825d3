import type { Component } from 'svelte';
import type { WorkshopSession } from '../app/workshop-session.svelte';
import type { Board, BoardType } from '../core/boards';

/** What the workshop screen hands every board screen, whatever its kind. */
export interface BoardScreenProps {
  session: WorkshopSession;
  board: Board;
  canManage: boolean;
  /** Locked for a participant, a document or a kind of board from a newer app. */
  readOnly: boolean;
  needsName: boolean;
  ondeleted: () => void;
}

type BoardScreen = () => Promise<{ default: Component<BoardScreenProps> }>;

/** Each kind's screen, loaded when a board of that kind is first opened, so that the first load
 *  carries none of them. Each screen renders its body inside `BoardFrame`. */
export const BOARD_SCREENS: Record<BoardType, BoardScreen> = {
  notes: () => import('./NotesBoard.svelte'),
  swot: () => import('./swot/SwotBoard.svelte'),
  stakeholders: () => import('./stakeholders/StakeholderBoard.svelte'),
  'ground-rules': () => import('./ground-rules/GroundRulesBoard.svelte'),
  vision: () => import('./vision/VisionBoard.svelte'),
  indicators: () => import('./indicators/IndicatorsBoard.svelte'),
  resources: () => import('./resources/ResourcesBoard.svelte'),
  risks: () => import('./risks/RisksBoard.svelte'),
  agreement: () => import('./agreement/AgreementBoard.svelte'),
  health: () => import('./health/HealthBoard.svelte'),
  actions: () => import('./series/ActionsBoard.svelte'),
  since: () => import('./series/SinceBoard.svelte'),
};

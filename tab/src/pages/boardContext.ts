import { createContext, useContext } from 'react';
import type { Measure, MeasureFields } from '../api/types';

export interface EditorRequest {
  title: string;
  isMeasure: boolean;
  initial: MeasureFields;
  submit: (fields: MeasureFields) => Promise<unknown>;
}

/** What the parts of a board share: the committee, what the person may do, and the board's actions. */
export interface BoardContextValue {
  committeeId: string;
  years: string[];
  canUpdateStatus: boolean;
  canEdit: boolean;
  showRetired: boolean;
  measureChanged: (measure: Measure) => void;
  reload: () => void;
  openEditor: (request: EditorRequest) => void;
  openStatus: (measure: Measure, year: string) => void;
  reportError: (error: unknown) => void;
}

export const BoardContext = createContext<BoardContextValue | undefined>(undefined);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard outside BoardContext');
  return value;
}

/** Items in their order; retired ones only when asked for. */
export function visible<T extends { order: number; retired: boolean }>(
  items: T[],
  showRetired: boolean,
): T[] {
  return [...items].filter((i) => showRetired || !i.retired).sort((a, b) => a.order - b.order);
}

import type { Committee, HistoryEntry, Plan, PlanItem } from './plan';
import type { SeedFile } from './planModel';

/**
 * One atomic write to a committee's plan: items created or replaced (each conditioned on the ETag
 * it was read at; no ETag means "create, fail if it exists"), the committee row's version bump
 * (conditioned likewise) and history entries appended. All or nothing.
 */
export interface PlanWrite {
  committee?: { next: Committee; expectedEtag: string };
  items: { next: PlanItem; expectedEtag?: string }[];
  history: HistoryEntry[];
}

/** Thrown by `write` when any condition failed: someone else wrote first, or the row exists. */
export class WriteConflict extends Error {
  constructor() {
    super('The plan changed since it was read');
  }
}

export interface SeedResult {
  /** False when storage already held the seeded plans (nothing written). */
  seeded: boolean;
  committees: number;
  rows: number;
}

/** What the domain needs from plan storage. The Table Storage implementation is in bot/storage. */
export interface PlanRepository {
  /** Every committee with its whole plan (the overview and statistics). */
  allPlans(): Promise<Plan[]>;
  /** A committee's whole plan in one partition query; undefined for an unknown committee. */
  getPlan(committeeId: string): Promise<Plan | undefined>;
  getCommittee(committeeId: string): Promise<Committee | undefined>;
  getItem(committeeId: string, itemId: string): Promise<PlanItem | undefined>;
  /** An item's history, newest first. */
  history(committeeId: string, itemId: string): Promise<HistoryEntry[]>;
  /** Applies the write in one transaction; throws WriteConflict if a condition fails. */
  write(committeeId: string, write: PlanWrite): Promise<void>;
  /** Loads the default content unless it was loaded before. Idempotent and safe to run concurrently. */
  seed(file: SeedFile, now: Date): Promise<SeedResult>;
  /** Whether the named one-time update of the seeded content (seedUpdates.ts) has run in this store. */
  seedUpdateDone(name: string): Promise<boolean>;
  /** Records that it has; recording it twice is harmless. */
  markSeedUpdateDone(name: string, now: Date): Promise<void>;
}

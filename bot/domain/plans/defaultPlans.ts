import type { SeedFile } from './planModel';
import seed from './seed/joint-action-plan.json';

/** The reviewed default content (seed/README.md): loaded into storage on first start. */
export const DEFAULT_PLANS: SeedFile = seed as unknown as SeedFile;

import type { SeedFile } from './planModel';
import { parseSeedFile } from './seedSchema';
import seed from './seed/joint-action-plan.json';

/** The reviewed default content (seed/README.md): checked, then loaded into storage on first start. */
export const DEFAULT_PLANS: SeedFile = parseSeedFile(seed);

/**
 * A conditional write of stored state was refused because someone else wrote it after it was read
 * (its ETag no longer matches). The storage layer throws it; the bot recognises it by its type.
 */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`Stored state "${key}" was changed by another turn since it was read.`);
    this.name = 'StateConflictError';
  }
}

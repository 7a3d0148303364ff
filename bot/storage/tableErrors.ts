import { RestError } from '@azure/data-tables';

/** Status code of a storage error, including the ones a failed transaction wraps. */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof RestError) return error.statusCode;
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const code = error.statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;
/** 409 (entity exists) or 412 (ETag no longer matches): someone else wrote first. */
export const isConflict = (error: unknown): boolean => [409, 412].includes(statusOf(error) ?? 0);

/** Retries `attempt` on write conflicts with jittered exponential backoff, a bounded number of times. */
export async function retryOnConflict<T>(attempt: () => Promise<T>, maxAttempts = 12): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error) || n >= maxAttempts) throw error;
      const ceiling = Math.min(1000, 20 * 2 ** n);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}

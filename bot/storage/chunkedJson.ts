/**
 * Table Storage caps a string property at 64 KiB (32K UTF-16 characters) and an entity at 1 MiB
 * and 252 properties. Values that may be larger (dialog state, a case's answers) are stored as JSON
 * split over numbered properties `<prefix>0..<prefix>N` with the count in `<prefix>Chunks`.
 */
export const CHUNK_CHARS = 30_000;
/** 30 chunks x 30K chars x 2 bytes stays under the 1 MiB entity limit with room for other columns. */
export const MAX_JSON_CHARS = 30 * CHUNK_CHARS;

export class StorageLimitError extends Error {}

export type Columns = Record<string, string | number>;

export function packJson(value: unknown, prefix: string): Columns {
  const json = JSON.stringify(value);
  if (json.length > MAX_JSON_CHARS) {
    throw new StorageLimitError(`${prefix}: ${json.length} characters exceeds the ${MAX_JSON_CHARS} limit`);
  }
  const columns: Columns = {};
  let count = 0;
  for (let start = 0; start < json.length || count === 0; start += CHUNK_CHARS) {
    columns[`${prefix}${count}`] = json.slice(start, start + CHUNK_CHARS);
    count++;
  }
  columns[`${prefix}Chunks`] = count;
  return columns;
}

export function unpackJson<T>(entity: Record<string, unknown>, prefix: string): T {
  const count = entity[`${prefix}Chunks`];
  if (typeof count !== 'number') throw new Error(`${prefix}: entity has no ${prefix}Chunks column`);
  let json = '';
  for (let i = 0; i < count; i++) {
    const part = entity[`${prefix}${i}`];
    if (typeof part !== 'string') throw new Error(`${prefix}: chunk ${i} of ${count} is missing`);
    json += part;
  }
  return JSON.parse(json) as T;
}

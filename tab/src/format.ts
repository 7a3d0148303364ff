import { planYears } from '../../bot/domain/plans/planModel';
import { formatDate, formatDateTime, osloYear } from '../../bot/domain/time';

/** Dates as people read them: dd.mm.yyyy in Oslo time (bot/domain/time.ts). */
export { formatDate, formatDateTime };

export function currentYear(): number {
  return osloYear(new Date());
}

/** Committees' status years, so the year picker offers only years some plan covers (plus `year`). */
export function yearsOf(
  periods: { periodStart: number; periodEnd: number; firstStatusYear?: number }[],
  year: number,
): number[] {
  const years = new Set<number>([year]);
  for (const p of periods) for (const y of planYears(p)) years.add(Number(y));
  return [...years].sort((a, b) => a - b);
}

export function includesText(haystack: (string | undefined)[], needle: string): boolean {
  const n = needle.trim().toLocaleLowerCase('nb');
  if (!n) return true;
  return haystack.some((h) => h?.toLocaleLowerCase('nb').includes(n));
}

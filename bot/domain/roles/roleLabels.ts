import type { Lang, Localized } from '../i18n/language';
import type { RoleName } from './roles';

/** What people call each role (the role ids stay in commands and exports). */
const ROLE_LABELS: Record<RoleName, Localized> = {
  admin: { nn: 'Administrator', nb: 'Administrator', en: 'Administrator' },
  secretariat_leader: { nn: 'Leiar i sekretariatet', nb: 'Leder i sekretariatet', en: 'Secretariat leader' },
  secretariat_member: { nn: 'Sekretariatet', nb: 'Sekretariatet', en: 'Secretariat member' },
  ssu_leader: { nn: 'Leiar i SSU', nb: 'Leder i SSU', en: 'SSU leader' },
  ssu_deputy: { nn: 'Nestleiar i SSU', nb: 'Nestleder i SSU', en: 'SSU deputy leader' },
  committee_leader: { nn: 'Leiar i utvalet', nb: 'Leder i utvalget', en: 'Committee leader' },
  committee_deputy: { nn: 'Nestleiar i utvalet', nb: 'Nestleder i utvalget', en: 'Committee deputy leader' },
  committee_member: { nn: 'Medlem i utvalet', nb: 'Medlem i utvalget', en: 'Committee member' },
};

export function roleLabel(role: string, lang: Lang): string {
  return ROLE_LABELS[role as RoleName]?.[lang] ?? role;
}

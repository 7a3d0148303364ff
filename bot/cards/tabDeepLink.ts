import { subEntityId, type TabTarget } from '../domain/tabTarget';

/**
 * The personal tabs a deep link opens (their `entityId` in appPackage/manifest.json): a case in
 * "Mine saker", a committee's board or measure in "Handlingsplanar". Both load the same tab, which
 * reads the sub-entity id and goes to the target (tab/src/deepLink.ts).
 */
export const PERSONAL_TAB_ENTITY_IDS = { cases: 'myCases', plans: 'actionPlans' } as const;

/**
 * The Teams deep link that opens the app's personal tab at `target`:
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context=<{"subEntityId":"…"} URI-encoded>`,
 * as Microsoft's "Deep link to an application" describes (the context is JSON, URI-encoded as a
 * whole). `teamsAppId` is the app's id in Teams (TEAMS_APP_ID).
 */
export function tabDeepLink(teamsAppId: string, target: TabTarget): string {
  const entityId = target.kind === 'case' ? PERSONAL_TAB_ENTITY_IDS.cases : PERSONAL_TAB_ENTITY_IDS.plans;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: subEntityId(target) }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${entityId}?context=${context}`;
}

/** The Teams deep link that opens the "Mine saker" tab at its list of cases (no sub-entity). */
export function casesTabDeepLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PERSONAL_TAB_ENTITY_IDS.cases}`;
}

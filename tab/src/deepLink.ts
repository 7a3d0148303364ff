import { parseSubEntityId, type TabTarget } from '../../bot/domain/tabTarget';

/**
 * Where a Teams deep link opens the tab. Teams hands the link's sub-entity id to the tab in its
 * context (`page.subPageId`); the tab's hash routes are the stable URLs it maps to.
 */

const OVERVIEW = '#/overview';

function hashFor(target: TabTarget): string {
  const part = encodeURIComponent;
  switch (target.kind) {
    case 'case':
      return `#/cases/${part(target.number)}`;
    case 'measure':
      return `#/board/${part(target.committeeId)}/measure/${part(target.measureId)}`;
    case 'board':
      return `#/board/${part(target.committeeId)}`;
  }
}

/**
 * The hash route for a sub-entity id: undefined when there is none (the tab stays where its URL
 * points), the overview for one this app did not write (an old or mistyped link is no error).
 */
export function deepLinkHash(subPageId: string | undefined): string | undefined {
  if (subPageId === undefined || subPageId === '') return undefined;
  const target = parseSubEntityId(subPageId);
  return target ? hashFor(target) : OVERVIEW;
}

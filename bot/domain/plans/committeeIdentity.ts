import { forumById } from '../forums/forums';
import type { Committee } from './plan';
import type { CommitteeKind } from './planModel';

/** What a plan's committee takes from its forum's definition: kind, names and parent. */
export type CommitteeIdentity = Pick<Committee, 'kind' | 'name' | 'shortName' | 'parentId'>;

/**
 * The committee's kind and names from the one forum definition (nynorsk, as the plans are written),
 * for a forum that can keep a plan; undefined for an id no such forum has.
 */
export function committeeIdentity(id: string): CommitteeIdentity | undefined {
  const forum = forumById(id);
  if (!forum || forum.kind === 'partnership_meeting') return undefined;
  const kind: CommitteeKind = forum.kind;
  return {
    kind,
    name: forum.name.nn,
    shortName: forum.shortName.nn,
    ...(forum.parent ? { parentId: forum.parent } : {}),
  };
}

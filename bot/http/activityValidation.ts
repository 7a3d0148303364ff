/**
 * A first check of what arrives on /api/messages, before botbuilder sees it: malformed activities
 * get a 400 with a reason instead of an exception deep inside a turn.
 */
export type ActivityCheck = { ok: true } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function checkActivity(body: unknown): ActivityCheck {
  if (!isObject(body)) return { ok: false, reason: 'The body must be a JSON activity object.' };
  if (!isText(body.type)) return { ok: false, reason: 'activity.type is required.' };
  if (!isText(body.channelId)) return { ok: false, reason: 'activity.channelId is required.' };
  if (!isText(body.serviceUrl)) return { ok: false, reason: 'activity.serviceUrl is required.' };
  try {
    const url = new URL(body.serviceUrl);
    if (!['http:', 'https:'].includes(url.protocol))
      return { ok: false, reason: 'activity.serviceUrl must be http(s).' };
  } catch {
    return { ok: false, reason: 'activity.serviceUrl is not a URL.' };
  }
  if (!isObject(body.conversation) || !isText(body.conversation.id)) {
    return { ok: false, reason: 'activity.conversation.id is required.' };
  }
  if (!isObject(body.from) || !isText(body.from.id))
    return { ok: false, reason: 'activity.from.id is required.' };
  if (!isObject(body.recipient) || !isText(body.recipient.id)) {
    return { ok: false, reason: 'activity.recipient.id is required.' };
  }
  if (body.text !== undefined && typeof body.text !== 'string')
    return { ok: false, reason: 'activity.text must be a string.' };
  if (body.locale !== undefined && typeof body.locale !== 'string') {
    return { ok: false, reason: 'activity.locale must be a string.' };
  }
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) {
    return { ok: false, reason: 'activity.attachments must be an array.' };
  }
  if (body.membersAdded !== undefined && !Array.isArray(body.membersAdded)) {
    return { ok: false, reason: 'activity.membersAdded must be an array.' };
  }
  if (body.type === 'invoke' && !isText(body.name))
    return { ok: false, reason: 'An invoke activity needs a name.' };
  return { ok: true };
}

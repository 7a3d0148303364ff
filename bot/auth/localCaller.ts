import type { IncomingHttpHeaders } from 'node:http';

/**
 * Headers a proxy adds when it passes a request on. A reverse proxy on the same host connects from
 * loopback for every caller, so a loopback socket alone does not mean "someone on this machine":
 * a request that carries any of these came through something else and is not local.
 */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-real-ip',
  'x-client-ip',
  'client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-cluster-client-ip',
  'x-original-forwarded-for',
  'x-arr-log-id',
  'disguised-host',
  'via',
];

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

/** Names of the forwarding headers a request carries (any `x-forwarded-*` counts). */
function forwardingHeaders(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers).filter(
    (name) => name.startsWith('x-forwarded-') || FORWARDING_HEADERS.includes(name),
  );
}

/**
 * The one check for the loopback-only modes (the bot without a Bot Framework identity, local identity
 * mode): the request came straight from this machine, from a loopback socket and through no proxy.
 */
export function isLocalCaller(req: {
  socket: { remoteAddress?: string | undefined };
  headers: IncomingHttpHeaders;
}): boolean {
  return isLoopback(req.socket.remoteAddress) && forwardingHeaders(req.headers).length === 0;
}

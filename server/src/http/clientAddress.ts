import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address`, `hop` steps from the server (0 = the socket's peer), is a proxy to believe. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** No proxy is believed: the client is the socket's peer, whatever `X-Forwarded-For` says. */
export const TRUST_NO_PROXY: TrustProxy = () => false;

/**
 * Reads `COCREA_TRUST_PROXY` as Express reads its `trust proxy` setting: a hop count (`1`: the one reverse proxy in
 * front of the server), or a comma-separated list of addresses and subnets (`127.0.0.1`, `10.0.0.0/8`, `loopback`,
 * `uniquelocal`…). Unset or empty, no proxy is believed: otherwise anyone who can reach the server, a process on the
 * same host included, could name any address in `X-Forwarded-For` and escape the limits kept per address.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = value?.trim() ?? '';
  if (setting === '') return TRUST_NO_PROXY;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  try {
    return proxyAddr.compile(setting.split(',').map((part) => part.trim()));
  } catch (error) {
    throw new Error(`COCREA_TRUST_PROXY inválido (${setting}): ${(error as Error).message}`);
  }
}

/**
 * The client's address as Express's `req.ip` gives it under the same {@link TrustProxy}, for requests Express does
 * not see (WebSocket upgrades): the nearest address in `X-Forwarded-For` that a trusted proxy vouches for.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(req, trust);
}

// GET for addresses that come from users (a paper's PDF link): http(s) only, no credentials in
// the address, at most five redirects, each followed by hand, and every address the name resolves
// to checked at connect time — so neither the address, a redirect nor a DNS answer that changes
// between a check and the connection can reach a private, loopback or link-local address. Origins
// listed as allowed (the operator's own services, a test's stand-in) skip the address check.
import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isPublicAddress } from "./address";

export const MAX_REDIRECTS = 5;

export type GetRefusal =
  | "badAddress" // not http(s), credentials in it, or unparsable
  | "privateAddress" // resolves to (or is) an address the server must not reach
  | "tooManyRedirects"
  | "unreachable" // DNS failure, refused connection, TLS error
  | "timeout";

export class GetRefused extends Error {
  constructor(readonly reason: GetRefusal) {
    super(`The address was refused: ${reason}`);
  }
}

type Options = {
  headers?: Record<string, string>;
  /** Origins (scheme://host:port) that may be private: configured services, test stand-ins. */
  allowPrivateOrigins?: readonly string[];
  signal?: AbortSignal;
};

/** Checks an address's form; the URL, or null when it may not be fetched at all. */
export function fetchableUrl(raw: string | URL): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup, refusing when any address the name resolves to is not public. */
function publicOnlyLookup(
  hostname: string,
  options: { all?: boolean; family?: number | string },
  callback: LookupCallback,
) {
  dnsLookup(hostname, { ...options, all: true } as never, (error, found) => {
    const addresses = found as unknown as LookupAddress[];
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address)))
      return callback(Object.assign(new GetRefused("privateAddress"), { code: "EPRIVATE" }), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

function requestOnce(url: URL, options: Options): Promise<IncomingMessage> {
  const allowed = options.allowPrivateOrigins?.includes(url.origin) ?? false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Node connects to an IP literal without a look-up: check it here.
  if (!allowed && isIP(host) && !isPublicAddress(host))
    return Promise.reject(new GetRefused("privateAddress"));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: "GET",
      headers: options.headers,
      agent: false,
      signal: options.signal,
      ...(allowed ? {} : { lookup: publicOnlyLookup as never }),
    });
    request.on("response", resolve);
    request.on("error", (error: Error & { code?: string }) => {
      if (error instanceof GetRefused) return reject(error);
      if (error.code === "EPRIVATE") return reject(new GetRefused("privateAddress"));
      if (error.name === "AbortError" || error.code === "ABORT_ERR")
        return reject(new GetRefused("timeout"));
      reject(new GetRefused("unreachable"));
    });
    request.end();
  });
}

/**
 * The response to a GET of `raw`, redirects followed (each re-checked). The caller reads or
 * discards the body. Throws GetRefused.
 */
export async function guardedGet(
  raw: string,
  options: Options = {},
): Promise<{ response: IncomingMessage; url: URL }> {
  let url = fetchableUrl(raw);
  if (!url) throw new GetRefused("badAddress");
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await requestOnce(url, options);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status < 300 || status >= 400 || status === 304 || !location) return { response, url };
    response.resume();
    const next = fetchableUrl(new URL(location, url));
    if (!next) throw new GetRefused("badAddress");
    url = next;
  }
  throw new GetRefused("tooManyRedirects");
}

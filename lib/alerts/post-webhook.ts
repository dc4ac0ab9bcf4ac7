import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIpLiteral, isPrivateAddress, privateWebhooksAllowed } from "./webhook-address";

/** Thrown (as a delivery error) when a webhook would reach a private address. */
export class PrivateAddressError extends Error {}

// Checks every address a name resolves to, at connect time: checking before the request and
// connecting later would let a name that changes its answer in between (DNS rebinding) through.
const guardedLookup = ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error);
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) return callback(new PrivateAddressError(`${hostname} resolves to ${blocked.address}, a private address; webhooks only go to public addresses`));
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}) as LookupFunction;

/**
 * POSTs a webhook body and answers the status code. Redirects are not followed (a 3xx is an
 * answer, not delivered), and unless private receivers are allowed, the receiver must be on a
 * public address: IP literals are checked here, names as they resolve.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const target = new URL(url);
  const guard = !privateWebhooksAllowed();
  if (guard && isIpLiteral(target.hostname) && isPrivateAddress(target.hostname)) {
    return Promise.reject(new PrivateAddressError(`${target.hostname} is a private address; webhooks only go to public addresses`));
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, timeout: timeoutMs, ...(guard ? { lookup: guardedLookup } : {}) },
      (response) => {
        // The body is not needed; reading it frees the connection.
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(body);
  });
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../common/content-security-policy';

/** A fresh per-run secret: anyone who can reach the port but never saw the printed URL is refused. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so that neither the length nor any prefix of
 * the secret leaks through timing (timingSafeEqual itself needs equal lengths).
 */
export function secretsMatch(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * The secret a request carries: the x-fieldbook-secret header, and nothing else. Never a cookie:
 * cookies ignore ports, so one set by this host would be sent to every other server on 127.0.0.1
 * the same browser visits, which could then replay it here. The page keeps the secret in
 * sessionStorage (renderer/api/host-secret.ts), which no other origin can read.
 */
export function presentedSecret(req: IncomingMessage): string | undefined {
  const header = req.headers['x-fieldbook-secret'];
  return typeof header === 'string' ? header : undefined;
}

/** Only our own names for the loopback address: a DNS-rebinding page arrives with its own host name. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const lower = host.toLowerCase();
  return lower === `127.0.0.1:${port}` || lower === `localhost:${port}`;
}

/** An absent Origin is fine (navigations, scripts); a present one must be our own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const lower = origin.toLowerCase();
  return lower === `http://127.0.0.1:${port}` || lower === `http://localhost:${port}`;
}

/**
 * Browsers label each request with who started it. Only our own pages ('same-origin') and the person
 * typing or opening the URL ('none') may get through; a missing header means a script, not a browser.
 */
export function isAllowedFetchSite(site: string | string[] | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}


/** Sent on every response, refusals included. */
export const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

/** Hosts a request may go to: the machine itself (the test host binds 127.0.0.1). */
export function isLoopback(host: string | undefined | null): boolean {
  if (!host) return true; // a Unix socket / pipe path, or Node's default of localhost
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h === '0.0.0.0';
}

export interface NetGuard {
  attempts: string[];
  restore(): void;
}

function hostOf(args: unknown[]): string | undefined {
  const a = args[0];
  if (typeof a === 'string') return /^[a-z]+:/i.test(a) ? new URL(a).hostname : a;
  if (a instanceof URL) return a.hostname;
  if (Array.isArray(a)) return hostOf(a);
  if (a && typeof a === 'object') {
    const o = a as { host?: string; hostname?: string; path?: string };
    if (o.path && !o.host && !o.hostname) return undefined;
    return o.hostname ?? o.host ?? 'localhost';
  }
  if (typeof a === 'number') return typeof args[1] === 'string' ? args[1] : 'localhost';
  return undefined;
}

/**
 * Fails (throws and records) every outbound connection, DNS lookup, http(s) request or fetch to a
 * host other than this machine, for code run in this process until restore().
 */
export function installNetGuard(): NetGuard {
  const attempts: string[] = [];
  const deny = (what: string, host: string | undefined) => {
    attempts.push(`${what} ${host}`);
    throw new Error(`network access denied in tests: ${what} ${host}`);
  };
  const saved: [object, string, unknown][] = [];
  const patch = <T extends object>(obj: T, key: string, make: (orig: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown) => {
    const orig = (obj as Record<string, unknown>)[key] as (...a: unknown[]) => unknown;
    saved.push([obj, key, orig]);
    (obj as Record<string, unknown>)[key] = make(orig);
  };
  const guarded = (what: string) => (orig: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      const host = hostOf(args);
      if (!isLoopback(host)) deny(what, host);
      return orig.apply(this, args);
    };
  patch(net.Socket.prototype, 'connect', guarded('net.connect'));
  patch(tls, 'connect', guarded('tls.connect'));
  patch(http, 'request', guarded('http.request'));
  patch(http, 'get', guarded('http.get'));
  patch(https, 'request', guarded('https.request'));
  patch(https, 'get', guarded('https.get'));
  patch(dns, 'lookup', guarded('dns.lookup'));
  patch(dns, 'resolve', guarded('dns.resolve'));
  patch(dns.promises, 'lookup', guarded('dns.promises.lookup'));
  patch(globalThis, 'fetch', guarded('fetch'));
  return {
    attempts,
    restore() {
      for (const [obj, key, orig] of saved.reverse()) (obj as Record<string, unknown>)[key] = orig;
    },
  };
}

const NAMESPACES = ['http://www.w3.org/', 'https://www.w3.org/'];
/**
 * Reviewed URL-like strings that are text, never fetched: React's error-message link; the JSON
 * Schema dialect identifiers zod writes into `$schema`; zod's IPv6 check, which parses
 * `http://[${address}]` with `new URL` locally.
 */
const REVIEWED_TEXT_URLS = ['https://react.dev/errors/', 'https://json-schema.org/draft', 'http://json-schema.org/draft', 'http://[${'];

/** Every http(s) URL in a bundle that is neither an XML namespace nor a reviewed non-fetched string. */
export function unexpectedUrls(code: string): string[] {
  const urls = code.match(/https?:\/\/[^\s"'`)<>\\]+/g) ?? [];
  return [...new Set(urls)].filter((u) => !NAMESPACES.some((n) => u.startsWith(n)) && !REVIEWED_TEXT_URLS.some((r) => u.startsWith(r)));
}

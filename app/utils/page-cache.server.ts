// Whole pages of the read-only views (dashboard, drill-downs, action list, ATR) kept in memory, so
// that a repeat view costs a session check instead of its queries and its render (decision 009).
//
// Exact, not "fresh enough": every change to the data empties the cache.
//   - A write through this server (any POST) empties it when the request starts and again when its
//     answer's head is written, which is after the transaction committed: the redirect that follows
//     a form post never finds a page rendered before the change.
//   - A write by anything else (another server on the same PostgreSQL, a script) is committed, then
//     announced by the database (migration 0008), and empties the cache when the notice arrives.
//   - A page is kept only if nothing emptied the cache while it was being made, so a page rendered
//     from data a write was about to replace is never kept.
// A page is kept for one Cookie header (so one session and one language), one URL and one Indian
// calendar day (overdue figures move at midnight), and only if its answer was a plain 200 without
// Set-Cookie. On a hit the session is still checked, so a signed-out, idle or disabled session
// gets what it would get without the cache. Requests for a page that another request of the same
// session is rendering wait for that render instead of making their own.
import zlib from "node:zlib";
import type { NextFunction, Request, Response } from "express";

export interface CachedPage {
  headers: Record<string, string>;
  body: Buffer;
  /** The body gzipped, made at the first hit that accepts it (compressing 1 MB costs ≈ 10 ms). */
  gzip?: Buffer;
  /** The CSP nonce the page's scripts carry; a hit answers with the same one (see below). */
  nonce: string;
  storedAt: number;
}

export type MadePage = Omit<CachedPage, "storedAt">;

export interface PageCacheOptions {
  maxBytes: number;
  ttlMs: number;
  now?: () => number;
}

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  /** Moves on every change; a page is kept only under the generation it was started in. */
  private generation = 0;
  private readonly now: () => number;
  /** Pages being made now, so that a burst of requests for one of them renders it once. */
  private making = new Map<string, { generation: number; done: Promise<MadePage | undefined> }>();

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Something changed: no page made before now may be served or kept. */
  changed(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  begin(): number {
    return this.generation;
  }

  /**
   * This request makes the page for `key`: others that ask for it meanwhile wait (beingMade) instead
   * of rendering it again. Call the returned function when the answer is complete, with the page if
   * it is one to give (a plain 200), kept or not.
   */
  startMaking(key: string): (page?: MadePage) => void {
    let finish!: (page?: MadePage) => void;
    const done = new Promise<MadePage | undefined>((resolve) => (finish = resolve));
    const entry = { generation: this.generation, done };
    this.making.set(key, entry);
    return (page) => {
      if (this.making.get(key) === entry) this.making.delete(key);
      finish(page);
    };
  }

  /**
   * Resolves, with the page or undefined, when the page for `key` that began after the last change is
   * complete; undefined if none is being made. The page may be given to whoever waited even if data
   * changed while it was made: it was begun before they asked and after every change announced
   * before they asked, which is all a kept page promises too (it is just not kept).
   */
  beingMade(key: string): Promise<MadePage | undefined> | undefined {
    const entry = this.making.get(key);
    return entry && entry.generation === this.generation ? entry.done : undefined;
  }

  get(key: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (!page) return undefined;
    if (this.now() - page.storedAt > this.options.ttlMs) {
      this.remove(key);
      return undefined;
    }
    // Most recently used last: eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, page);
    return page;
  }

  /** Keeps the page unless the data changed since `generation` was taken (begin()). */
  put(key: string, generation: number, page: MadePage): boolean {
    if (generation !== this.generation) return false;
    if (page.body.length > this.options.maxBytes / 4) return false;
    this.remove(key);
    this.entries.set(key, { ...page, storedAt: this.now() });
    this.bytes += page.body.length;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
    return true;
  }

  /** The page's body gzipped, compressed once and counted in the cache's size. */
  gzipped(key: string, page: MadePage): Buffer {
    if (!page.gzip) {
      page.gzip = zlib.gzipSync(page.body);
      if (this.entries.get(key) === page) this.bytes += page.gzip.length;
    }
    return page.gzip;
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length + (old.gzip?.length ?? 0);
  }
}

/** The views whose pages are kept: each shows only data whose every change empties the cache. */
const CACHED_PATHS = [
  /^\/dashboard$/,
  /^\/districts\/[^/]+$/,
  /^\/directives\/\d+$/,
  /^\/actions\/?$/,
  /^\/meetings\/\d+\/atr$/,
  /^\/meetings\/\d+\/brief$/,
];

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A request waits this long for another to finish the same page, then renders it itself. */
const WAIT_FOR_MAKER_MS = 30_000;

/** The headers a kept page is answered with; the security headers are set afresh by helmet. */
const KEPT_HEADERS = ["content-type", "cache-control", "link", "content-language"];

export interface PageCacheDeps {
  cache: PageCache;
  /** The session cookie's value, or null. */
  sessionToken: (req: Request) => string | null;
  /** Whether the session may still see pages (not signed out, idle, expired or disabled). */
  sessionIsLive: (token: string) => Promise<boolean>;
  /** yyyy-mm-dd in India. */
  today: () => string;
}

interface PageCacheLocals {
  cspNonce?: string;
  pageHit?: MadePage;
  pageKey?: string;
  finishMaking?: (page?: MadePage) => void;
}

function cacheKey(req: Request, today: string): string | null {
  if (req.method !== "GET") return null;
  const [pathname, search = ""] = req.originalUrl.split("?", 2);
  if (!CACHED_PATHS.some((re) => re.test(pathname))) return null;
  // Remix's data requests (client-side navigation) and resource routes are left to Remix.
  if (/(^|&)_data=/.test(search)) return null;
  return [today, req.originalUrl, req.get("cookie") ?? "", req.get("accept-language") ?? ""].join("\n");
}

/**
 * Two middlewares: `lookup` goes before the CSP nonce is chosen (a hit must answer with the nonce
 * its page carries); `serve` goes last before Remix and answers a hit or records a miss.
 *
 * Reusing a nonce is safe here because it is reused only with the very bytes it was made for: a
 * nonce guards against markup injected into a page, and injecting anything means changing the data,
 * which empties the cache, so the next page is rendered afresh with a new nonce.
 */
export function pageCacheMiddleware(deps: PageCacheDeps) {
  const { cache } = deps;

  async function lookup(req: Request, res: Response, next: NextFunction) {
    try {
      if (!READ_METHODS.has(req.method)) {
        cache.changed();
        // Again as the answer's head leaves (Remix sends it once the action has committed), so the
        // request the browser makes next, a redirect's, never finds a page made before the change;
        // and when the request ends, however it ends.
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
        res.writeHead = ((...args: unknown[]) => {
          cache.changed();
          return writeHead(...args);
        }) as Response["writeHead"];
        res.on("close", () => cache.changed());
        return next();
      }
      const key = cacheKey(req, deps.today());
      const token = key ? deps.sessionToken(req) : null;
      if (!key || !token) return next();
      const locals = res.locals as PageCacheLocals;
      locals.pageKey = key;
      let page: MadePage | undefined = cache.get(key);
      const making = page ? undefined : cache.beingMade(key);
      if (making) {
        // Another request of this session is rendering this very page: wait for it, up to a limit,
        // and take what it made even if a change since keeps it from being kept (see beingMade).
        let giveUp!: (value: undefined) => void;
        const timeout = new Promise<undefined>((resolve) => (giveUp = resolve));
        const timer = setTimeout(() => giveUp(undefined), WAIT_FOR_MAKER_MS);
        const made = await Promise.race([making, timeout]);
        clearTimeout(timer);
        page = cache.get(key) ?? made;
      }
      if (page && (await deps.sessionIsLive(token))) {
        locals.pageHit = page;
        locals.cspNonce = page.nonce;
      } else if (!page && !cache.beingMade(key)) {
        // Registered before anything is awaited, so that a request for the same page arriving next waits.
        locals.finishMaking = cache.startMaking(key);
        res.on("close", locals.finishMaking);
      }
      next();
    } catch (error) {
      next(error);
    }
  }

  function serve(req: Request, res: Response, next: NextFunction) {
    const locals = res.locals as PageCacheLocals;
    const key = locals.pageKey;
    if (!key) return next();
    const hit = locals.pageHit;
    if (hit) {
      res.status(200);
      for (const [name, value] of Object.entries(hit.headers)) res.setHeader(name, value);
      res.setHeader("X-Page-Cache", "hit");
      // Already compressed: the compression middleware leaves an encoded body alone.
      if (req.acceptsEncodings("gzip", "identity") === "gzip") {
        res.setHeader("Content-Encoding", "gzip");
        res.setHeader("Vary", "Accept-Encoding");
        res.end(cache.gzipped(key, hit));
      } else res.end(hit.body);
      return;
    }
    const generation = cache.begin();
    const finished: (page?: MadePage) => void = locals.finishMaking ?? (() => {});
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk == null || typeof chunk === "function") return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : undefined),
      );
    };
    res.setHeader("X-Page-Cache", "miss");
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      if (res.statusCode === 200 && !res.getHeader("set-cookie") && locals.cspNonce) {
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        const page = { headers, body: Buffer.concat(chunks), nonce: locals.cspNonce };
        cache.put(key, generation, page);
        finished(page);
      } else finished();
      return end(chunk, ...rest);
    }) as Response["end"];
    next();
  }

  return { lookup, serve };
}

// Anupalan's server entry: checks the environment, opens (and for PGlite, locks) the database,
// applies migrations, seeds the demo on a fresh database, and serves the Remix build with
// compression, security headers, request logging and a graceful shutdown.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";
import { SESSION_COOKIE } from "./app/utils/auth.server";
import { readCookieHeader } from "./app/utils/cookies.server";
import { todayInIndia } from "./app/utils/format";
import { PageCache, pageCacheMiddleware } from "./app/utils/page-cache.server";
import { findSessionUser } from "./app/models/session.server";
import { smtpSender } from "./app/utils/mailer.server";
import { startNoticeQueue, type NoticeQueue } from "./app/utils/notice-queue.server";
import { closeDatabase, DatabaseLockedError, getDatabaseHandle, type DatabaseHandle } from "./db/client.server";
import { getEnv, seedDemoWanted } from "./db/env";
import { runMigrations } from "./db/migrate";
import { seedDemoIfEmpty } from "./db/seed";

const root = path.dirname(fileURLToPath(import.meta.url));
const SHUTDOWN_LIMIT_MS = 1800;

function fail(message: string): never {
  console.error(`Anupalan cannot start: ${message}`);
  process.exit(1);
}

/** A POST from another site is refused before Remix, whose own check would answer 500. */
export function isCrossSiteWrite(req: express.Request, appOrigin: string | undefined): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return false;
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  // "Origin: null" comes from sandboxed frames, data: pages and no-referrer forms: it is
  // accepted only when the browser itself says the request came from this site.
  if (origin === "null") return site !== "same-origin";
  if (origin) {
    const own = appOrigin ?? `${req.protocol}://${req.get("host")}`;
    return origin !== own;
  }
  // No Origin header: browsers send Sec-Fetch-Site on every request they make.
  return site !== undefined && site !== "same-origin" && site !== "none";
}

/**
 * express reads a string as a list of addresses, so "1" (one proxy hop) would silently trust
 * nobody: hop counts and booleans are turned into what express expects for them.
 */
function trustProxySetting(value: string): string | number | boolean {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === "true" || value === "false") return value === "true";
  return value;
}

async function openAndPrepareDatabase(): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  try {
    handle = getDatabaseHandle();
  } catch (error) {
    if (error instanceof DatabaseLockedError) fail(error.message);
    throw error;
  }
  try {
    await runMigrations(handle);
  } catch (error) {
    fail(`could not prepare the database at ${handle.location}: ${(error as Error).message}`);
  }
  if (seedDemoWanted(getEnv())) await seedDemoIfEmpty(handle);
  return handle;
}

/** Pages of the read-only views kept until the data changes (decision 009). */
async function startPageCache(handle: DatabaseHandle, megabytes: number) {
  const cache = new PageCache({ maxBytes: megabytes * 1024 * 1024, ttlMs: 5 * 60_000 });
  await handle.listenForChanges(
    () => cache.changed(),
    () => cache.changed(),
  );
  return pageCacheMiddleware({
    cache,
    sessionToken: (req) => readCookieHeader(req.get("cookie"), SESSION_COOKIE),
    sessionIsLive: async (token) => {
      const user = await findSessionUser(token);
      return user !== null && !user.mustChangePassword;
    },
    today: () => todayInIndia(),
  });
}

async function main() {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  const handle = await openAndPrepareDatabase();
  // Reminders, the escalation ladder, digests and email: jobs kept in the database (decision 018).
  let notices: NoticeQueue | undefined;
  if (env.NOTICE_WORKER) {
    const mail = env.SMTP_URL ? smtpSender(env.SMTP_URL, env.MAIL_FROM) : undefined;
    notices = await startNoticeQueue({
      handle,
      send: mail?.send,
      origin: env.APP_ORIGIN ?? `http://localhost:${env.PORT}`,
      cron: env.NOTICE_CRON,
      runAtStart: true,
    });
  }
  const buildPath = path.join(root, "build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));

  const pages = env.PAGE_CACHE_MB > 0 ? await startPageCache(handle, env.PAGE_CACHE_MB) : undefined;
  if (pages) app.use(pages.lookup);
  app.use((_req, res, next) => {
    // A kept page brings the nonce its scripts carry (app/utils/page-cache.server.ts).
    res.locals.cspNonce ??= crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          // Charts set style attributes; styles cannot run code.
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      // With "no-referrer" a browser posts a plain form with "Origin: null"; "same-origin" keeps
      // the real Origin on our own posts and still sends nothing to other sites.
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: env.NODE_ENV === "production" ? undefined : false,
    }),
  );
  app.use(compression());
  if (env.LOG_REQUESTS) app.use(morgan(env.NODE_ENV === "production" ? "combined" : "dev"));

  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use("/fonts", express.static(path.join(root, "node_modules/@fontsource/noto-sans-devanagari/files"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

  app.use((req, res, next) => {
    if (isCrossSiteWrite(req, env.APP_ORIGIN)) {
      res.status(403).type("text/plain").send("Cross-site request refused");
      return;
    }
    // The Origin is the configured public one. Remix would compare it again with the Host the
    // proxy forwarded (often the internal address) and answer 500; the check above is the one.
    if (env.APP_ORIGIN && req.get("origin") === env.APP_ORIGIN) delete req.headers.origin;
    if (req.get("origin") === "null") delete req.headers.origin;
    // The client address, as the audit log records it.
    req.headers["x-anupalan-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "";
    next();
  });

  if (pages) app.use(pages.serve);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );

  const server = http.createServer(app);
  server.keepAliveTimeout = 5_000;
  server.listen(env.PORT, () => {
    console.log(`Anupalan listening on http://localhost:${env.PORT} (database: ${handle.engine} ${handle.location})`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing`);
    const force = setTimeout(() => process.exit(0), SHUTDOWN_LIMIT_MS);
    force.unref();
    server.close();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 500).unref();
    (notices?.stop({ graceful: false }) ?? Promise.resolve())
      .catch((error) => console.error("stopping the notice queue:", error))
      .then(() => closeDatabase())
      .catch((error) => console.error("closing the database:", error))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

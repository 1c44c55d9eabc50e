// The app reaches db/ only through this file: the classic compiler keeps *.server.* files
// out of the browser bundle. Call db() inside functions; never at module top level.
export { getDb as db, getDatabaseHandle } from "../db/client.server";
export type { Database, DatabaseHandle, DbOrTx, Tx } from "../db/client.server";
export * as schema from "../db/schema";

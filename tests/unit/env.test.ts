import { describe, expect, it } from "vitest";
import { parseEnv, seedDemoWanted } from "../../db/env";

const PG = "postgres://postgres@127.0.0.1:5432/anupalan";
const wanted = (vars: Record<string, string>) => seedDemoWanted(parseEnv(vars));

describe("SEED_DEMO", () => {
  it("is off for an empty production PostgreSQL unless asked for", () => {
    expect(wanted({ NODE_ENV: "production", DATABASE_URL: PG })).toBe(false);
    expect(wanted({ NODE_ENV: "production", DATABASE_URL: PG, SEED_DEMO: "true" })).toBe(true);
  });

  it("is on for the embedded database and for development, unless turned off", () => {
    expect(wanted({ NODE_ENV: "production" })).toBe(true);
    expect(wanted({ NODE_ENV: "development", DATABASE_URL: PG })).toBe(true);
    expect(wanted({ DATABASE_URL: PG })).toBe(true); // NODE_ENV defaults to development
    expect(wanted({ NODE_ENV: "production", SEED_DEMO: "false" })).toBe(false);
    expect(wanted({ NODE_ENV: "test", DATABASE_URL: PG })).toBe(false);
  });

  it("refuses a value that is neither true nor false", () => {
    expect(() => parseEnv({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO/);
  });
});

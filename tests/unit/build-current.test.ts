// The server tests start the production build; on a checkout where someone edited a page since the
// last build they must not test yesterday's pages.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIsCurrent } from "../support/build";

describe("the build the server tests start", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-build-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const at = (file: string, seconds: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    if (!fs.existsSync(path.join(root, file))) fs.writeFileSync(path.join(root, file), "");
    fs.utimesSync(path.join(root, file), seconds, seconds);
  };

  it("is made when missing, or older than any file under app/ or the Remix config", () => {
    at("app/routes/dashboard.tsx", 1000);
    at("remix.config.js", 1000);
    expect(buildIsCurrent(root)).toBe(false);
    at("build/index.js", 2000);
    fs.utimesSync(path.join(root, "app/routes"), 1000, 1000);
    fs.utimesSync(path.join(root, "app"), 1000, 1000);
    expect(buildIsCurrent(root)).toBe(true);
    at("app/routes/dashboard.tsx", 3000);
    expect(buildIsCurrent(root)).toBe(false);
    at("build/index.js", 4000);
    at("remix.config.js", 5000);
    expect(buildIsCurrent(root)).toBe(false);
  });
});

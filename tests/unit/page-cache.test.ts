import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { PageCache } from "~/utils/page-cache.server";

const page = (text: string) => ({ headers: { "content-type": "text/html" }, body: Buffer.from(text), nonce: "n0nce" });

describe("the page cache", () => {
  it("gives back a kept page until something changes, then nothing", () => {
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
    expect(cache.put("a", cache.begin(), page("dashboard"))).toBe(true);
    expect(cache.get("a")?.body.toString()).toBe("dashboard");
    cache.changed();
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toEqual({ pages: 0, bytes: 0 });
  });

  it("refuses a page whose rendering began before a change (it may show the old data)", () => {
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
    const started = cache.begin();
    cache.changed();
    expect(cache.put("a", started, page("stale"))).toBe(false);
    expect(cache.get("a")).toBeUndefined();
  });

  it("forgets a page after its time to live", () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 100, now: () => now });
    cache.put("a", cache.begin(), page("x"));
    now = 100;
    expect(cache.get("a")).toBeDefined();
    now = 101;
    expect(cache.get("a")).toBeUndefined();
  });

  it("stays within its memory by dropping the least recently used pages, and never keeps a page of over a quarter of it", () => {
    const cache = new PageCache({ maxBytes: 100, ttlMs: 60_000 });
    const g = cache.begin();
    cache.put("a", g, page("a".repeat(25)));
    cache.put("b", g, page("b".repeat(25)));
    cache.put("c", g, page("c".repeat(25)));
    cache.get("a"); // a is now the most recently used
    cache.put("d", g, page("d".repeat(25)));
    cache.put("e", g, page("e".repeat(25)));
    expect(cache.get("b")).toBeUndefined();
    expect(["a", "c", "d", "e"].map((k) => cache.get(k) !== undefined)).toEqual([true, true, true, true]);
    expect(cache.size).toEqual({ pages: 4, bytes: 100 });
    expect(cache.put("big", g, page("x".repeat(26)))).toBe(false);
  });

  it("compresses a page once and counts the compressed copy", () => {
    const cache = new PageCache({ maxBytes: 10_000, ttlMs: 60_000 });
    cache.put("a", cache.begin(), page("अनुपालन ".repeat(100)));
    const kept = cache.get("a")!;
    const gz = cache.gzipped("a", kept);
    expect(zlib.gunzipSync(gz).toString()).toBe("अनुपालन ".repeat(100));
    expect(cache.gzipped("a", kept)).toBe(gz);
    expect(cache.size.bytes).toBe(kept.body.length + gz.length);
  });

  it("lets a burst of requests for one page wait for the one making it, but not across a change", async () => {
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
    expect(cache.beingMade("a")).toBeUndefined();
    const finish = cache.startMaking("a");
    const waiting = cache.beingMade("a");
    expect(waiting).toBeInstanceOf(Promise);
    expect(cache.beingMade("b")).toBeUndefined();
    let resolved = false;
    void waiting!.then(() => (resolved = true));
    cache.put("a", cache.begin(), page("made once"));
    finish();
    await waiting;
    expect(resolved).toBe(true);
    expect(cache.beingMade("a")).toBeUndefined();
    // A page begun before a change is not one to wait for: it will not be kept.
    cache.startMaking("c");
    cache.changed();
    expect(cache.beingMade("c")).toBeUndefined();
  });

  it("gives those who waited the page made for them even when a change since keeps it out of the cache", async () => {
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
    const started = cache.begin();
    const finish = cache.startMaking("a");
    const waiting = cache.beingMade("a")!;
    cache.changed(); // a report arrives while the page is rendered
    const made = page("as it stood when they asked");
    expect(cache.put("a", started, made)).toBe(false);
    finish(made);
    expect((await waiting)?.body.toString()).toBe("as it stood when they asked");
    expect(cache.get("a")).toBeUndefined();
  });
});

// The page's script chunks are asked for at low priority, however the HTML stream is cut.
import { describe, expect, it } from "vitest";
import { scriptsAfterStyles } from "~/utils/scripts-after-styles.server";

const HTML =
  '<!DOCTYPE html><html lang="hi"><head><link rel="stylesheet" href="/build/_assets/app.css"/></head><body><p>नमस्ते, जिला अजमेर</p>' +
  '<link rel="modulepreload" href="/build/entry.client.js"/><link rel="modulepreload" href="/build/root.js"/>' +
  '<script type="module">import "/build/entry.client.js";</script></body></html>';

async function through(chunks: Buffer[]): Promise<string> {
  const stream = scriptsAfterStyles();
  const out: Buffer[] = [];
  stream.on("data", (b: Buffer | string) => out.push(Buffer.from(b)));
  const ended = new Promise((resolve) => stream.on("end", resolve));
  for (const c of chunks) stream.write(c);
  stream.end();
  await ended;
  return Buffer.concat(out).toString("utf8");
}

describe("scriptsAfterStyles", () => {
  it("marks every modulepreload link low priority and leaves the rest of the page as it was", async () => {
    const html = await through([Buffer.from(HTML)]);
    expect(html.match(/<link rel="modulepreload" fetchpriority="low" href=/g)).toHaveLength(2);
    expect(html.replaceAll(' fetchpriority="low"', "")).toBe(HTML);
  });

  it("gives the same page when the stream is cut at any byte, even inside a link or a Hindi letter", async () => {
    const bytes = Buffer.from(HTML);
    const whole = await through([bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await through([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(whole);
    }
  });
});

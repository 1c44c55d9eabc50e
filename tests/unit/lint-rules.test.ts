// The layering rules of eslint.config.js fire: each fixture in tests/lint-fixtures/ is linted as
// if it lived at its `lint-as:` path, and exactly the lines marked `// violation` must be reported
// by no-restricted-imports. A rule that silently stopped matching (a renamed folder, a changed
// alias) fails here instead of letting the layers leak.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const fixtures = path.join(root, "tests/lint-fixtures");
const eslint = new ESLint({ cwd: root });

function marked(source: string): number[] {
  return source.split("\n").flatMap((line, i) => (line.includes("// violation") ? [i + 1] : []));
}

describe("layering lint rules", () => {
  const files = readdirSync(fixtures).filter((f) => /\.tsx?$/.test(f));

  it("has fixtures, both violating and allowed", () => {
    expect(files.filter((f) => f.startsWith("allowed-")).length).toBeGreaterThan(0);
    expect(files.filter((f) => !f.startsWith("allowed-")).length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    it(`reports exactly the marked lines of ${file}`, async () => {
      const source = readFileSync(path.join(fixtures, file), "utf8");
      const lintAs = /^\/\/ lint-as: (\S+)/.exec(source)?.[1];
      expect(lintAs, "first line names the path to lint as").toBeTruthy();
      const [result] = await eslint.lintText(source, { filePath: path.join(root, lintAs!) });
      const layering = result.messages.filter((m) => m.ruleId === "no-restricted-imports");
      expect(layering.map((m) => m.line)).toEqual(marked(source));
      for (const m of layering) expect(m.message).toMatch(/Layering: \w+ never import/);
      // Nothing else is wrong with the fixtures, so a parse error cannot pass for a rule firing.
      expect(result.messages.filter((m) => m.ruleId !== "no-restricted-imports")).toEqual([]);
    });
  }
});

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

// The size limits (decision 026): a function over 120 lines and a file over 400 lines in app/ fail.
describe("size lint rules", () => {
  const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  total += ${i};`).join("\n");
  const lint = async (source: string) => {
    const [result] = await eslint.lintText(source, { filePath: path.join(root, "app/models/size-check.server.ts") });
    return result.messages.map((m) => ({ rule: m.ruleId, severity: m.severity }));
  };

  it("refuses a function of 121 lines and accepts one of 120", async () => {
    const fn = (inner: number) => `export function f(): number {\n  let total = 0;\n${body(inner)}\n  return total;\n}\n`;
    expect(await lint(fn(116))).toEqual([]);
    expect(await lint(fn(117))).toEqual([{ rule: "max-lines-per-function", severity: 2 }]);
  });

  it("refuses a file of 401 lines", async () => {
    const small = (n: number) => `export function f${n}(): number {\n  let total = 0;\n${body(90)}\n  return total;\n}\n`;
    const file = [0, 1, 2, 3, 4].map(small).join("\n") + "\n".repeat(20);
    expect(file.split("\n").length).toBeGreaterThan(400);
    expect(await lint(file)).toContainEqual({ rule: "max-lines", severity: 2 });
  });
});

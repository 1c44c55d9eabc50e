import { describe, expect, it } from "vitest";
import { loadCorpus, scoreCorpus } from "../support/minutes-corpus";

// The figure `npm run corpus` prints, held to the thresholds.
describe("the minutes corpus (tests/fixtures/minutes-corpus)", () => {
  const documents = loadCorpus();
  const score = scoreCorpus(documents);

  it("has at least 15 documents in Hindi, English and both, prose and numbered", () => {
    expect(documents.length).toBeGreaterThanOrEqual(15);
    expect(new Set(documents.map((d) => d.language))).toEqual(new Set(["hi", "en", "mixed"]));
    expect(new Set(documents.map((d) => d.form))).toEqual(new Set(["prose", "numbered"]));
  });

  it("finds at least 90 % of the expected directives", () => {
    expect(score.matched / score.expected).toBeGreaterThanOrEqual(0.9);
  });

  it("proposes the right assignees for at least 90 % of them", () => {
    expect(score.assigneesRight / score.expected).toBeGreaterThanOrEqual(0.9);
  });

  it("proposes few directives nobody wrote (at most 10 % of the expected count)", () => {
    expect(score.extra / score.expected).toBeLessThanOrEqual(0.1);
  });

  it("never proposes the chair's department or an office named only as present", () => {
    expect(score.documents.flatMap((d) => d.forbidden)).toEqual([]);
  });
});

// npm run corpus [-- --verbose]: prints how well the minutes splitter reads the corpus.
import { loadCorpus, scoreCorpus } from "../support/minutes-corpus";

const verbose = process.argv.includes("--verbose");
const percent = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)} %`);
const documents = loadCorpus();
const score = scoreCorpus(documents);

for (const d of score.documents) {
  const flags = [
    d.missing.length ? `missing ${d.missing.length}` : "",
    d.wrongAssignees.length ? `wrong assignees ${d.wrongAssignees.length}` : "",
    d.extra.length ? `extra ${d.extra.length}` : "",
    d.forbidden.length ? `FORBIDDEN ${d.forbidden.length}` : "",
  ].filter(Boolean);
  console.log(
    `${d.name.padEnd(34)} directives ${d.matched}/${d.expected}  assignees ${d.assigneesRight}/${d.expected}  due ${d.duesRight}/${d.duesExpected}  ${flags.join(", ")}`,
  );
  if (verbose) {
    for (const m of d.missing) console.log(`    missing: ${m}`);
    for (const w of d.wrongAssignees) console.log(`    wrong:   ${w}`);
    for (const e of d.extra) console.log(`    extra:   ${e}`);
    for (const f of d.forbidden) console.log(`    forbidden: ${f}`);
  }
}
console.log("");
console.log(`documents                ${documents.length}`);
console.log(`directives matched       ${score.matched}/${score.expected} = ${percent(score.matched, score.expected)}`);
console.log(`assignees right          ${score.assigneesRight}/${score.expected} = ${percent(score.assigneesRight, score.expected)}`);
console.log(`due dates right          ${score.duesRight}/${score.duesExpected} = ${percent(score.duesRight, score.duesExpected)}`);
console.log(`extra proposals          ${score.extra} (${percent(score.extra, score.expected)} of expected)`);
console.log(`chair/attendee proposed  ${score.forbidden}`);

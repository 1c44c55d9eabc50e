// "Paste the minutes": what the splitter left out, and why.
export const minutes = {
  "minutes.leftOut.title": "Left out of the directives ({n})",
  "minutes.leftOut.hint": "These passages of the pasted text did not become directives. If one of them is an instruction, add it by hand.",
  "minutes.leftOut.reason.furniture": "Page text",
  "minutes.leftOut.reason.duplicate": "Repeated",
  "minutes.leftOut.reason.attendance": "Who attended",
  "minutes.leftOut.reason.heading": "Heading",
  "minutes.leftOut.reason.narrative": "No instruction",
};

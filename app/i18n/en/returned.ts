// Items the secretariat returned to the officer, and corrections of published minutes.
export const returned = {
  "returned.badge": "Returned",
  "returned.notice.title": "Returned by the secretariat",
  "returned.notice.when": "Returned on {when} by {who}. The reason:",
  "returned.notice.next": "Do what is asked, then report the item Completed again below.",
  "returned.home.title": "Returned to you",
  "returned.home.hint": "The secretariat sent these back. Open each one to read why.",
};

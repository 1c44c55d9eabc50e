// The page's scripts are fetched after what draws it. Remix announces every script chunk of the
// page as <link rel="modulepreload">, which Chrome fetches at high priority beside the stylesheets;
// on a slow phone connection some forty chunks then delay the first paint of a page that works
// without them. Marked fetchpriority="low", they still load at once, behind the CSS and the font.
import { Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";

const PRELOAD = '<link rel="modulepreload"';
const LOW = '<link rel="modulepreload" fetchpriority="low"';

/** How many characters at the end of `text` could be the start of a modulepreload link. */
function partialLinkAtEnd(text: string): number {
  for (let n = Math.min(PRELOAD.length - 1, text.length); n > 0; n--) {
    if (PRELOAD.startsWith(text.slice(-n))) return n;
  }
  return 0;
}

/** A stream of HTML in which every modulepreload link asks for low priority. */
export function scriptsAfterStyles(): Transform {
  const decoder = new StringDecoder("utf8");
  // The start of a link that the stream cut in two, held back until the rest arrives.
  let carry = "";
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = (carry + decoder.write(chunk)).replaceAll(PRELOAD, LOW);
      const held = partialLinkAtEnd(text);
      carry = text.slice(text.length - held);
      done(null, text.slice(0, text.length - held));
    },
    flush(done) {
      done(null, (carry + decoder.end()).replaceAll(PRELOAD, LOW));
    },
  });
}

// The dictionaries reach the browser only through the root loader's data (decision 024); importing
// them through a .server module keeps them out of the client bundle whatever the tree-shaker does.
import { dictionaries, type Locale, type Messages } from "~/i18n";

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}

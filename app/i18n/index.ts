// One dictionary per language with the same keys. Each area of the app keeps its strings in
// its own file (en/<area>.ts, hi/<area>.ts); the Hindi file is typed against the English one,
// so a missing key fails the typecheck, and tests/unit/i18n.test.ts checks both ways.
import { actions as enActions } from "./en/actions";
import { admin as enAdmin } from "./en/admin";
import { auth as enAuth } from "./en/auth";
import { common as enCommon } from "./en/common";
import { dashboard as enDashboard } from "./en/dashboard";
import { drill as enDrill } from "./en/drill";
import { meetings as enMeetings } from "./en/meetings";
import { verify as enVerify } from "./en/verify";
import { atr as enAtr } from "./en/atr";
import { actfilters as enActfilters } from "./en/actfilters";
import { review as enReview } from "./en/review";
import { minutes as enMinutes } from "./en/minutes";
import { minutes as hiMinutes } from "./hi/minutes";
import { returned as enReturned } from "./en/returned";
import { returned as hiReturned } from "./hi/returned";
import { verifyFilters as enVerifyFilters } from "./en/verify-filters";
import { verifyFilters as hiVerifyFilters } from "./hi/verify-filters";
import { notices as enNotices } from "./en/notices";
import { corrections as enCorrections } from "./en/corrections";
import { actions as hiActions } from "./hi/actions";
import { admin as hiAdmin } from "./hi/admin";
import { auth as hiAuth } from "./hi/auth";
import { common as hiCommon } from "./hi/common";
import { dashboard as hiDashboard } from "./hi/dashboard";
import { drill as hiDrill } from "./hi/drill";
import { meetings as hiMeetings } from "./hi/meetings";
import { verify as hiVerify } from "./hi/verify";
import { atr as hiAtr } from "./hi/atr";
import { actfilters as hiActfilters } from "./hi/actfilters";
import { review as hiReview } from "./hi/review";
import { notices as hiNotices } from "./hi/notices";
import { corrections as hiCorrections } from "./hi/corrections";

import { isLocale, makeTranslate, type Locale, type Translate } from "./format";

export const LOCALES = ["en", "hi"] as const;
export type { Locale, Translate };
export { isLocale };

export const en = {
  ...enCommon,
  ...enAuth,
  ...enAdmin,
  ...enActions,
  ...enDashboard,
  ...enDrill,
  ...enMeetings,
  ...enVerify,
  ...enAtr,
  ...enActfilters,
  ...enMinutes,
  ...enReturned,
  ...enVerifyFilters,
  ...enReview,
  ...enNotices,
  ...enCorrections,
};
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const hi: Messages = {
  ...hiCommon,
  ...hiAuth,
  ...hiAdmin,
  ...hiActions,
  ...hiDashboard,
  ...hiDrill,
  ...hiMeetings,
  ...hiVerify,
  ...hiAtr,
  ...hiActfilters,
  ...hiMinutes,
  ...hiReturned,
  ...hiVerifyFilters,
  ...hiReview,
  ...hiNotices,
  ...hiCorrections,
};

export const dictionaries: Record<Locale, Messages> = { en, hi };

export function translator(locale: Locale): Translate {
  return makeTranslate(dictionaries[locale]);
}

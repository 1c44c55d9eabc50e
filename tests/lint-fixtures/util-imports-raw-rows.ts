// lint-as: app/utils/fixture.server.ts
import { selectRows } from "~/models/sql.server"; // violation
import { selectChecked } from "~/models/rows.server";

export const fixture = [selectRows, selectChecked];

// lint-as: app/models/fixture.server.ts
import { selectRows } from "./sql.server"; // violation
import { selectRows as unchecked } from "~/models/sql.server"; // violation
import { col, selectChecked } from "./rows.server";

export const fixture = [selectRows, unchecked, col, selectChecked];

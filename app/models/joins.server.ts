// Join chains that many queries repeat, written once. Each names its aliases in the comment;
// the query around it uses those aliases.
import { sql } from "drizzle-orm";

/**
 * From an action item `a` to what a list shows beside it: its directive `d`, its meeting `m`, and
 * (left-joined, one of them is null) its district `di` and department `dp`.
 */
export const ITEM_CONTEXT_JOINS = sql.raw(`
    JOIN directives d ON d.id = a.directive_id
    JOIN meetings m ON m.id = a.meeting_id
    LEFT JOIN districts di ON di.id = a.district_id
    LEFT JOIN departments dp ON dp.id = a.department_id`);

// Checked rows: every raw SQL query names the columns it expects and how to read them, and each
// row is decoded once, here, instead of being cast. The two drivers disagree on some types
// (postgres.js answers count(*) and bigint as strings and numeric as strings; PGlite numbers; a
// timestamptz is a Date on one and may be a string on the other): the decoders below accept
// either and give the app one shape. A row that does not fit is a bug in the query, reported
// with the column, not a wrong figure on a page.
import type { SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~/db.server";
import { selectRows } from "./sql.server";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const whole = z
  .union([z.number(), z.string(), z.bigint()])
  .transform((v) => Number(v))
  .pipe(z.number().int());
const decimal = z
  .union([z.number(), z.string()])
  .transform((v) => Number(v))
  .pipe(z.number().finite());
const instant = z
  .union([z.date(), z.string()])
  .transform((v) => (v instanceof Date ? v : new Date(v)))
  .refine((d) => !Number.isNaN(d.getTime()), "not a timestamp")
  .transform((d) => d.toISOString());
/** A calendar date: a `date` column or to_char(…, 'YYYY-MM-DD'); a Date is read in UTC, as both drivers make it. */
const calendarDate = z.union([
  z.string().regex(ISO_DATE),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

/** An array literal ("{a,\"b c\"}", "{}"): how a driver answers an array of a type it does not parse. */
function arrayLiteral(text: string): string[] {
  if (text === "{}" || text === "") return [];
  return text
    .slice(1, -1)
    .split(",")
    .map((part) => part.replace(/^"(.*)"$/, "$1"));
}
const textList = z.union([z.array(z.string()), z.string().transform(arrayLiteral)]);

/** Column decoders for raw rows. */
export const col = {
  /** integer, bigint, count(*): a JS number. */
  int: () => whole,
  /** numeric / real / double precision: a JS number. */
  number: () => decimal,
  text: () => z.string(),
  bool: () => z.boolean(),
  /** timestamptz: an ISO string (UTC). */
  timestamp: () => instant,
  /** date: yyyy-mm-dd. */
  date: () => calendarDate,
  /** One of a PostgreSQL enum's (or a CASE's) values. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  /** bytea: a Buffer (postgres.js answers one, PGlite a Uint8Array). */
  bytes: () => z.instanceof(Uint8Array).transform((v) => (Buffer.isBuffer(v) ? v : Buffer.from(v))),
  /** An array column (both drivers parse arrays of built-in types). */
  list: <T extends z.ZodTypeAny>(item: T) => z.array(item),
  /** text[]: an array, or the array's literal ("{a,b}") where the driver leaves it as text. */
  textList: () => textList,
  /** json / json_agg: the parsed value, or its text where the driver leaves it unparsed. */
  json: <T extends z.ZodTypeAny>(shape: T) => z.union([shape, z.string().transform((text): unknown => JSON.parse(text)).pipe(shape)]),
};

export type RowSchema = z.ZodObject<z.ZodRawShape>;

/** Run a raw query and decode each row with `schema` (built once, at module level, with `col`). */
export async function selectChecked<S extends RowSchema>(schema: S, query: SQL, executor?: DbOrTx): Promise<z.output<S>[]> {
  const rows = await selectRows<unknown>(query, executor);
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(`Unexpected SQL row ${index}: column ${issue.path.join(".")}: ${issue.message}`);
  });
}

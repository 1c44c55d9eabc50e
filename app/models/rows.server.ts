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
const calendarDate = z.union([z.string().regex(ISO_DATE), z.date().transform((d) => d.toISOString().slice(0, 10))]);

// Each decoder also has a plain function that does exactly what its zod schema does: selectChecked runs
// those (zod's unions and pipes cost ≈ 40 µs a row, 35 ms for the 880 rows of the dashboard's figures
// at national scale) and leaves a row that does not fit to zod, which names the column.
const FAIL = Symbol("does not fit");
type Fast = (value: unknown) => unknown;
const fastDecoders = new WeakMap<z.ZodTypeAny, Fast>();
function withFast<T extends z.ZodTypeAny>(schema: T, fast: Fast): T {
  fastDecoders.set(schema, fast);
  return schema;
}

const text = withFast(z.string(), (v) => (typeof v === "string" ? v : FAIL));
const bool = withFast(z.boolean(), (v) => (typeof v === "boolean" ? v : FAIL));
withFast(whole, (v) => {
  if (typeof v !== "number" && typeof v !== "string" && typeof v !== "bigint") return FAIL;
  const n = Number(v);
  return Number.isInteger(n) ? n : FAIL;
});
withFast(decimal, (v) => {
  if (typeof v !== "number" && typeof v !== "string") return FAIL;
  const n = Number(v);
  return Number.isFinite(n) ? n : FAIL;
});
withFast(instant, (v) => {
  if (!(v instanceof Date) && typeof v !== "string") return FAIL;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? FAIL : d.toISOString();
});
withFast(calendarDate, (v) => {
  if (typeof v === "string") return ISO_DATE.test(v) ? v : FAIL;
  return v instanceof Date ? v.toISOString().slice(0, 10) : FAIL;
});

/** An array literal ("{a,\"b c\"}", "{}"): how a driver answers an array of a type it does not parse. */
function arrayLiteral(text: string): string[] {
  if (text === "{}" || text === "") return [];
  return text
    .slice(1, -1)
    .split(",")
    .map((part) => part.replace(/^"(.*)"$/, "$1"));
}
const textList = z.union([z.array(z.string()), z.string().transform(arrayLiteral)]);
withFast(textList, (v) => {
  if (Array.isArray(v)) return v.every((item) => typeof item === "string") ? [...v] : FAIL;
  return typeof v === "string" ? arrayLiteral(v) : FAIL;
});

/** Column decoders for raw rows. */
export const col = {
  /** integer, bigint, count(*): a JS number. */
  int: () => whole,
  /** numeric / real / double precision: a JS number. */
  number: () => decimal,
  text: () => text,
  bool: () => bool,
  /** timestamptz: an ISO string (UTC). */
  timestamp: () => instant,
  /** date: yyyy-mm-dd. */
  date: () => calendarDate,
  /** One of a PostgreSQL enum's (or a CASE's) values. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => {
    const allowed = new Set<unknown>(values);
    return withFast(z.enum(values), (v) => (allowed.has(v) ? v : FAIL));
  },
  /** An array column (both drivers parse arrays of built-in types). */
  list: <T extends z.ZodTypeAny>(item: T) => {
    const schema = z.array(item);
    const each = fastOf(item);
    return each ? withFast(schema, (v) => (Array.isArray(v) ? mapOrFail(v, each) : FAIL)) : schema;
  },
  /** bytea: a Buffer (postgres.js answers one, PGlite a Uint8Array). */
  bytes: () => z.instanceof(Uint8Array).transform((v) => (Buffer.isBuffer(v) ? v : Buffer.from(v))),
  /** text[]: an array, or the array's literal ("{a,b}") where the driver leaves it as text. */
  textList: () => textList,
  /** json / json_agg: the parsed value, or its text where the driver leaves it unparsed. */
  json: <T extends z.ZodTypeAny>(shape: T) =>
    z.union([
      shape,
      z
        .string()
        .transform((text): unknown => JSON.parse(text))
        .pipe(shape),
    ]),
};

function mapOrFail(values: unknown[], each: Fast): unknown {
  const out: unknown[] = [];
  for (const v of values) {
    const decoded = each(v);
    if (decoded === FAIL) return FAIL;
    out.push(decoded);
  }
  return out;
}

/** The plain function of a column's schema (also through .nullable()/.optional()), or undefined: zod decides. */
function fastOf(schema: z.ZodTypeAny): Fast | undefined {
  const known = fastDecoders.get(schema);
  if (known) return known;
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) {
    const inner = fastOf(schema.unwrap() as z.ZodTypeAny);
    if (!inner) return undefined;
    const empty = schema instanceof z.ZodNullable ? null : undefined;
    const fast: Fast = (v) => (v === empty ? v : inner(v));
    fastDecoders.set(schema, fast);
    return fast;
  }
  return undefined;
}

/** A row schema's columns as plain functions, when every column has one (else undefined: zod decodes). */
const compiledRows = new WeakMap<RowSchema, [string, Fast][] | null>();
function compile(schema: RowSchema): [string, Fast][] | null {
  let compiled = compiledRows.get(schema);
  if (compiled === undefined) {
    const columns = Object.entries(schema.shape).map(([key, field]) => [key, fastOf(field as z.ZodTypeAny)] as const);
    compiled = columns.every(([, fast]) => fast) ? (columns as [string, Fast][]) : null;
    compiledRows.set(schema, compiled);
  }
  return compiled;
}

export type RowSchema = z.ZodObject<z.ZodRawShape>;

/** Run a raw query and decode each row with `schema` (built once, at module level, with `col`). */
export async function selectChecked<S extends RowSchema>(schema: S, query: SQL, executor?: DbOrTx): Promise<z.output<S>[]> {
  const rows = await selectRows<unknown>(query, executor);
  const columns = schema instanceof z.ZodObject && schema._def.unknownKeys === "strip" ? compile(schema) : null;
  return rows.map((row, index) => {
    if (columns && typeof row === "object" && row !== null) {
      const out: Record<string, unknown> = {};
      let fits = true;
      for (const [key, fast] of columns) {
        const decoded = fast((row as Record<string, unknown>)[key]);
        if (decoded === FAIL) {
          fits = false;
          break;
        }
        out[key] = decoded;
      }
      if (fits) return out as z.output<S>;
    }
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(`Unexpected SQL row ${index}: column ${issue.path.join(".")}: ${issue.message}`);
  });
}

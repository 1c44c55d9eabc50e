// The row decoders read what either driver returns for a column type into one shape.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { col, selectChecked } from "~/models/rows.server";

describe("row decoders", () => {
  it("read integers and counts as numbers from either driver (number, string, bigint)", () => {
    for (const v of [7, "7", 7n]) expect(col.int().parse(v)).toBe(7);
    expect(() => col.int().parse("7.5")).toThrow();
    expect(() => col.int().parse("seven")).toThrow();
    expect(col.number().parse("12.50")).toBe(12.5);
  });

  it("read timestamptz as an ISO instant, from a Date or a string", () => {
    const iso = "2026-12-02T05:46:00.000Z";
    expect(col.timestamp().parse(new Date(iso))).toBe(iso);
    expect(col.timestamp().parse("2026-12-02 11:16:00+05:30")).toBe(iso);
    expect(() => col.timestamp().parse("not a time")).toThrow();
  });

  it("read dates as yyyy-mm-dd and refuse anything else", () => {
    expect(col.date().parse("2026-12-02")).toBe("2026-12-02");
    expect(col.date().parse(new Date("2026-12-02T00:00:00Z"))).toBe("2026-12-02");
    expect(() => col.date().parse("02/12/2026")).toThrow();
  });

  it("check enum values and nulls", () => {
    const row = z.object({ role: col.oneOf(["COLLECTOR", "SP"] as const).nullable(), name: col.text() });
    expect(row.parse({ role: null, name: "x" })).toEqual({ role: null, name: "x" });
    expect(() => row.parse({ role: "IG", name: "x" })).toThrow();
    expect(() => row.parse({ role: "SP", name: null })).toThrow();
  });

  it("read text arrays from an array or the array's literal", () => {
    expect(col.textList().parse(["COLLECTOR", "SP"])).toEqual(["COLLECTOR", "SP"]);
    expect(col.textList().parse("{COLLECTOR,SP}")).toEqual(["COLLECTOR", "SP"]);
    expect(col.textList().parse('{"a b",c}')).toEqual(["a b", "c"]);
    expect(col.textList().parse("{}")).toEqual([]);
    expect(() => col.textList().parse([1, 2])).toThrow();
  });

  it("read json from the parsed value or its text, checked against its shape", () => {
    const places = col.json(z.array(z.object({ code: col.text() })));
    expect(places.parse([{ code: "AJM" }])).toEqual([{ code: "AJM" }]);
    expect(places.parse('[{"code":"AJM"}]')).toEqual([{ code: "AJM" }]);
    expect(() => places.parse('[{"code":1}]')).toThrow();
  });

  it("read bytea as a Buffer from a Buffer or a Uint8Array", () => {
    expect(col.bytes().parse(new Uint8Array([1, 2]))).toEqual(Buffer.from([1, 2]));
    expect(Buffer.isBuffer(col.bytes().parse(new Uint8Array([1])))).toBe(true);
    expect(() => col.bytes().parse("\\x0102")).toThrow();
  });
});

describe("selectChecked", () => {
  const ROW = z.object({
    id: col.int(),
    share: col.number().nullable(),
    name: col.text(),
    hi: col.text().nullable(),
    active: col.bool(),
    at: col.timestamp().nullable(),
    due: col.date(),
    role: col.oneOf(["COLLECTOR", "SP"] as const).nullable(),
    codes: col.list(col.text()),
    tags: col.textList(),
  });
  const executor = (rows: unknown[]) => ({ execute: async () => rows }) as never;
  const query = sql`SELECT 1`;
  const good = [
    {
      id: "7",
      share: "0.25",
      name: "Ajmer",
      hi: null,
      active: true,
      at: new Date("2026-12-02T05:46:00Z"),
      due: "2026-12-02",
      role: "SP",
      codes: ["A"],
      tags: ["x"],
    },
    {
      id: 8n,
      share: null,
      name: "Kota",
      hi: "कोटा",
      active: false,
      at: "2026-12-02 11:16:00+05:30",
      due: new Date("2026-12-03T00:00:00Z"),
      role: null,
      codes: [],
      tags: '{a,"b c"}',
      extra: 1,
    },
  ];

  it("gives, row for row, what the zod schema gives (its plain decoders are the same rules)", async () => {
    expect(await selectChecked(ROW, query, executor(good))).toEqual(good.map((row) => ROW.parse(row)));
  });

  it("refuses a row that does not fit, naming the column", async () => {
    for (const [column, value] of [
      ["id", "7.5"],
      ["due", "02/12/2026"],
      ["role", "IG"],
      ["codes", [1]],
      ["name", null],
      ["at", "not a time"],
    ] as const) {
      await expect(selectChecked(ROW, query, executor([{ ...good[0], [column]: value }]))).rejects.toThrow(`column ${column}`);
    }
  });
});

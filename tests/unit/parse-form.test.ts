import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/parse-form";
import { parseId, parsePage, requireId } from "~/utils/params";

const schema = z.object({
  intent: z.literal("save"),
  name: z.string().trim().min(1, "user.displayNameRequired").max(5, "login.tooLong"),
  tags: z.array(z.string()).max(2, "validation.invalid"),
});

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("parseForm", () => {
  it("returns the parsed values of a good form, reading list fields as lists", () => {
    const parsed = parseForm(
      schema,
      form([
        ["intent", "save"],
        ["name", " Asha "],
        ["tags", "a"],
      ]),
      { lists: ["tags"] },
    );
    expect(parsed).toEqual({ ok: true, data: { intent: "save", name: "Asha", tags: ["a"] } });
  });

  it("returns the first message per field, only for the fields asked about", () => {
    const parsed = parseForm(
      schema,
      form([
        ["intent", "old"],
        ["name", "  "],
        ["tags", "a"],
        ["tags", "b"],
        ["tags", "c"],
      ]),
      {
        lists: ["tags"],
        fields: ["name", "tags"],
      },
    );
    expect(parsed).toEqual({ ok: false, fieldErrors: { name: "user.displayNameRequired", tags: "validation.invalid" } });
  });

  it("keys nested fields by their dotted path", () => {
    const nested = z.object({ rows: z.array(z.object({ text: z.string().min(1, "validation.required") })) });
    expect(parseForm(nested, { rows: [{ text: "x" }, { text: "" }] })).toEqual({ ok: false, fieldErrors: { "rows.1.text": "validation.required" } });
  });
});

describe("id parameters", () => {
  it("accept positive whole numbers within PostgreSQL's integer and nothing else", () => {
    expect(parseId("42")).toBe(42);
    expect(parseId("2147483647")).toBe(2_147_483_647);
    for (const bad of [undefined, null, "", "0", "-1", "1.5", "1e3", " 7", "abc", "2147483648", "99999999999"])
      expect(parseId(bad), String(bad)).toBeNull();
  });

  it("requireId throws a 404 response for a bad id", () => {
    expect(requireId("9")).toBe(9);
    try {
      requireId("x");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Response);
      expect((error as Response).status).toBe(404);
    }
  });

  it("parsePage falls back to 1", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage("0")).toBe(1);
    expect(parsePage("x")).toBe(1);
    expect(parsePage(null)).toBe(1);
  });
});

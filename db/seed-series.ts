// Series and carried directives for seeded data (the demo seed and seed:scale), in SQL.
// Every meeting gets its chair office from its typed chair (as migration 0011 did for existing meetings)
// and joins the series of that office listed here; each later meeting of a series then reviews the
// directives of its earlier meetings that are still open (at most `carryLimit` per meeting, oldest first).
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client.server";

export const SEED_SERIES = [
  { code: "CS_MONTHLY_VC", office: "CS", en: "CS monthly VC with collectors and SPs", hi: "कलेक्टर एवं एसपी के साथ मुख्य सचिव की मासिक वीसी" },
  { code: "ACS_HOME_CYBER", office: "ACS_HOME", en: "ACS Home: cyber-fraud review", hi: "अतिरिक्त मुख्य सचिव, गृह: साइबर ठगी समीक्षा" },
  {
    code: "CM_VC",
    office: "CM",
    en: "CM's VC with commissioners, collectors, IGs and SPs",
    hi: "संभागीय आयुक्त, कलेक्टर, आईजी एवं एसपी के साथ मुख्यमंत्री की वीसी",
  },
] as const;

export async function seedSeries(executor: DbOrTx, opts: { carryLimit?: number; carryInto?: "all" | "latest" } = {}): Promise<{ carried: number }> {
  const carryLimit = opts.carryLimit ?? 1000;
  await executor.execute(sql`
    UPDATE meetings m SET chair_office_id = o.id
    FROM offices o
    WHERE m.chair_office_id IS NULL
      AND lower(regexp_replace(btrim(CASE WHEN btrim(m.chair_en) <> '' THEN m.chair_en ELSE m.chair_hi END), '\\s+', ' ', 'g'))
        IN (lower(o.name_en), lower(o.name_hi))`);
  for (const s of SEED_SERIES) {
    await executor.execute(sql`
      INSERT INTO meeting_series (code, name_en, name_hi, chair_office_id)
      SELECT ${s.code}, ${s.en}, ${s.hi}, o.id FROM offices o WHERE o.code = ${s.office}
      ON CONFLICT (code) DO NOTHING`);
    await executor.execute(sql`
      UPDATE meetings m SET series_id = s.id
      FROM meeting_series s JOIN offices o ON o.id = s.chair_office_id
      WHERE s.code = ${s.code} AND m.chair_office_id = o.id AND m.series_id IS NULL`);
  }
  const target =
    opts.carryInto === "latest"
      ? sql`n.id IN (SELECT DISTINCT ON (series_id) id FROM meetings WHERE series_id IS NOT NULL AND status = 'PUBLISHED' ORDER BY series_id, meeting_date DESC, id DESC)`
      : sql`TRUE`;
  const rows = await executor.execute(sql`
    WITH picked AS (
      SELECT n.id AS meeting_id, d.id AS directive_id,
        row_number() OVER (PARTITION BY n.id ORDER BY m.meeting_date, d.number, d.id) AS k
      FROM meetings n
      JOIN meetings m ON m.series_id = n.series_id AND m.meeting_date < n.meeting_date AND m.status = 'PUBLISHED'
      JOIN directives d ON d.meeting_id = m.id AND d.withdrawn_at IS NULL
      WHERE n.series_id IS NOT NULL AND n.status = 'PUBLISHED' AND ${target}
        AND EXISTS (SELECT 1 FROM action_items a WHERE a.directive_id = d.id AND a.withdrawn_at IS NULL
          AND a.status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED'))
    )
    INSERT INTO meeting_reviewed_directives (meeting_id, directive_id, added_at)
    SELECT p.meeting_id, p.directive_id, n.published_at FROM picked p JOIN meetings n ON n.id = p.meeting_id
    WHERE p.k <= ${carryLimit}
    ON CONFLICT DO NOTHING
    RETURNING 1`);
  const count = Array.isArray(rows) ? rows.length : ((rows as { rows?: unknown[] }).rows?.length ?? 0);
  return { carried: count };
}

-- The dashboard counts items per district and division in one scan (getComplianceSets). Without
-- this the planner multiplies the two columns' distinct counts (780 × 98 = 76 440 groups at a million
-- items, against 781 real ones), sorts a million rows on disk and aggregates them (≈ 520 ms); told
-- that a district lies in one division, it hashes the 781 groups in memory (≈ 350 ms). Statistics
-- only: no figure changes. ANALYZE fills them now; autovacuum keeps them.
CREATE STATISTICS IF NOT EXISTS action_items_district_division (ndistinct) ON district_id, division_id FROM action_items;
--> statement-breakpoint
ANALYZE action_items;

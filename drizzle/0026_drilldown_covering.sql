-- Streak drill-down at national scale (issue 10): for each run in the list, "does the subject hold an
-- award of the year, in force, inside the subtree" is answered from these indexes alone (an
-- index-only scan: subject, year, and the scope path included; records in force only), instead of a
-- heap fetch per run across 30 million award rows.
CREATE INDEX IF NOT EXISTS "award_record_person_held_idx" ON "award_record" USING btree ("person_id", "year") INCLUDE ("scope_path") WHERE "status" = 'ACTIVE' AND "person_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "award_record_org_held_idx" ON "award_record" USING btree ("org_id", "year") INCLUDE ("scope_path") WHERE "status" = 'ACTIVE' AND "org_id" IS NOT NULL;

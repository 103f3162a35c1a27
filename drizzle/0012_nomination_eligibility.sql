CREATE TABLE "nomination_eligibility" (
	"nomination_id" bigint PRIMARY KEY NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nomination_eligibility" ADD CONSTRAINT "nomination_eligibility_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nomination_refs_gin" ON "nomination" USING gin ("achievement_refs");--> statement-breakpoint
-- The snapshots move beside the nominations before the column goes (hand-written).
INSERT INTO "nomination_eligibility" ("nomination_id", "snapshot") SELECT "id", "eligibility_snapshot" FROM "nomination";--> statement-breakpoint
ALTER TABLE "nomination" DROP COLUMN "eligibility_snapshot";
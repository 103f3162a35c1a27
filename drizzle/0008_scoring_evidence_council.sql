ALTER TABLE "score_evidence" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "score_evidence" ADD COLUMN "revoked_by" bigint;--> statement-breakpoint
ALTER TABLE "score_evidence" ADD COLUMN "supersedes_id" bigint;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD COLUMN "deadline" date;--> statement-breakpoint
ALTER TABLE "scorecard_template" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;
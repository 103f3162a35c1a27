CREATE TABLE "report_rerun" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"status" text DEFAULT 'COMPUTING' NOT NULL,
	"progress_done" smallint DEFAULT 0 NOT NULL,
	"progress_total" smallint DEFAULT 0 NOT NULL,
	"heartbeat_at" timestamp with time zone,
	"computed_at" timestamp with time zone,
	"failure" text,
	"identical" boolean,
	"rerun_sha256" text,
	"current_stored_sha256" text,
	"difference_count" integer,
	"differences" jsonb,
	"requested_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_rerun_status_ck" CHECK ("report_rerun"."status" in ('COMPUTING','FAILED','DONE')),
	CONSTRAINT "report_rerun_done_ck" CHECK ("report_rerun"."status" <> 'DONE' or ("report_rerun"."identical" is not null and "report_rerun"."rerun_sha256" is not null and "report_rerun"."difference_count" is not null)),
	CONSTRAINT "report_rerun_failed_ck" CHECK ("report_rerun"."status" <> 'FAILED' or "report_rerun"."failure" is not null)
);
--> statement-breakpoint
ALTER TABLE "report_snapshot" DROP CONSTRAINT "report_snapshot_status_ck";--> statement-breakpoint
ALTER TABLE "report_snapshot" ALTER COLUMN "figures" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_snapshot" ALTER COLUMN "figures_sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD COLUMN "progress_done" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD COLUMN "progress_total" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD COLUMN "computed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD COLUMN "failure" text;--> statement-breakpoint
ALTER TABLE "report_rerun" ADD CONSTRAINT "report_rerun_snapshot_id_report_snapshot_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."report_snapshot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_rerun_snapshot_idx" ON "report_rerun" USING btree ("snapshot_id","id");--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD CONSTRAINT "report_snapshot_figures_ck" CHECK ("report_snapshot"."status" in ('COMPUTING','FAILED') or ("report_snapshot"."figures" is not null and "report_snapshot"."figures_sha256" is not null));--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD CONSTRAINT "report_snapshot_failed_ck" CHECK ("report_snapshot"."status" <> 'FAILED' or "report_snapshot"."failure" is not null);--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD CONSTRAINT "report_snapshot_status_ck" CHECK ("report_snapshot"."status" in ('COMPUTING','FAILED','ACTIVE','WITHDRAWN'));
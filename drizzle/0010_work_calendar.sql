CREATE TABLE "work_calendar_day" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"revoked_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by" bigint,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "work_calendar_day_kind_ck" CHECK ("work_calendar_day"."kind" in ('HOLIDAY','WORKING_DAY')),
	CONSTRAINT "work_calendar_day_source_ck" CHECK ("work_calendar_day"."source" in ('LAW','MANUAL')),
	CONSTRAINT "work_calendar_day_status_ck" CHECK ("work_calendar_day"."status" in ('ACTIVE','REVOKED')),
	CONSTRAINT "work_calendar_day_name_ck" CHECK (length(btrim("work_calendar_day"."name")) > 0),
	CONSTRAINT "work_calendar_day_revoked_ck" CHECK (("work_calendar_day"."status" = 'REVOKED') = ("work_calendar_day"."revoked_at" is not null and "work_calendar_day"."revoked_reason" is not null)),
	CONSTRAINT "work_calendar_day_law_ck" CHECK ("work_calendar_day"."source" = 'MANUAL' or "work_calendar_day"."kind" = 'HOLIDAY')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "work_calendar_day_active_uq" ON "work_calendar_day" USING btree ("date") WHERE "work_calendar_day"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "work_calendar_day_date_idx" ON "work_calendar_day" USING btree ("date");
CREATE TABLE "report_snapshot" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"template_id" bigint,
	"year" smallint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"params" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"figures_sha256" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"withdrawn_reason" text,
	"withdrawn_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_snapshot_kind_ck" CHECK ("report_snapshot"."kind" in ('DASHBOARD','ANNUAL_SUMMARY','STAT_FORM')),
	CONSTRAINT "report_snapshot_status_ck" CHECK ("report_snapshot"."status" in ('ACTIVE','WITHDRAWN')),
	CONSTRAINT "report_snapshot_withdrawn_ck" CHECK ("report_snapshot"."status" <> 'WITHDRAWN' or "report_snapshot"."withdrawn_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "report_template" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint,
	"org_path" text,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'XLSX_FORM' NOT NULL,
	"layout" jsonb NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"retired_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_template_kind_ck" CHECK ("report_template"."kind" in ('XLSX_FORM')),
	CONSTRAINT "report_template_status_ck" CHECK ("report_template"."status" in ('ACTIVE','RETIRED')),
	CONSTRAINT "report_template_retired_ck" CHECK ("report_template"."status" <> 'RETIRED' or "report_template"."retired_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "award_record" ADD COLUMN "subject_gender" text;--> statement-breakpoint
ALTER TABLE "award_record" ADD COLUMN "subject_is_leader" boolean;--> statement-breakpoint
ALTER TABLE "award_record" ADD COLUMN "subject_is_direct_worker" boolean;--> statement-breakpoint
ALTER TABLE "award_record" ADD COLUMN "subject_small" boolean;--> statement-breakpoint
ALTER TABLE "org_kind" ADD COLUMN "small_collective" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD CONSTRAINT "report_snapshot_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD CONSTRAINT "report_snapshot_template_id_report_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_template" ADD CONSTRAINT "report_template_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_snapshot_path_idx" ON "report_snapshot" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_template_code_uq" ON "report_template" USING btree (coalesce("org_id", 0),"code") WHERE "report_template"."status" = 'ACTIVE';--> statement-breakpoint
UPDATE "org_kind" SET "small_collective" = true WHERE "rank" >= 50;--> statement-breakpoint
-- The subject as it was when an award was recorded: filled on insert when the caller gives nothing.
CREATE OR REPLACE FUNCTION vd_award_record_subject() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.person_id IS NOT NULL THEN
    IF NEW.subject_gender IS NULL THEN
      SELECT p.gender, p.is_leader, p.is_direct_worker INTO NEW.subject_gender, NEW.subject_is_leader, NEW.subject_is_direct_worker
      FROM person p WHERE p.id = NEW.person_id;
    END IF;
  ELSIF NEW.subject_small IS NULL THEN
    SELECT k.small_collective INTO NEW.subject_small FROM organisation o JOIN org_kind k ON k.code = o.kind WHERE o.id = NEW.org_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER award_record_subject BEFORE INSERT ON award_record FOR EACH ROW EXECUTE FUNCTION vd_award_record_subject();--> statement-breakpoint
-- Records made before this migration take the subject as it is now (the best there is).
UPDATE award_record r SET subject_gender = p.gender, subject_is_leader = p.is_leader, subject_is_direct_worker = p.is_direct_worker
FROM person p WHERE p.id = r.person_id;--> statement-breakpoint
UPDATE award_record r SET subject_small = k.small_collective
FROM organisation o JOIN org_kind k ON k.code = o.kind WHERE o.id = r.org_id;--> statement-breakpoint
ALTER TABLE "award_record" ADD CONSTRAINT "award_record_subject_flags_ck" CHECK (("award_record"."person_id" is null) = ("award_record"."subject_gender" is null) and ("award_record"."org_id" is null) = ("award_record"."subject_small" is null));
CREATE TABLE "decision_item" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"decision_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"nomination_id" bigint,
	"person_id" bigint,
	"subject_org_id" bigint,
	"subject_path" text NOT NULL,
	"subject_name" text NOT NULL,
	"unit_name" text,
	"award_code" text NOT NULL,
	"achievement" text NOT NULL,
	"coefficient" numeric(5, 2),
	"amount_vnd" integer,
	"award_record_id" bigint,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"revoked_reason" text,
	"revoked_by" text,
	"revoked_on" date,
	CONSTRAINT "decision_item_subject_ck" CHECK (("decision_item"."person_id" is null) <> ("decision_item"."subject_org_id" is null)),
	CONSTRAINT "decision_item_status_ck" CHECK ("decision_item"."status" in ('ACTIVE','REVOKED'))
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"meeting_id" bigint,
	"year" smallint NOT NULL,
	"subject" text NOT NULL,
	"place" text NOT NULL,
	"basis" jsonb NOT NULL,
	"execution" text NOT NULL,
	"signer" jsonb NOT NULL,
	"recipients" jsonb NOT NULL,
	"rounding" text DEFAULT 'NONE' NOT NULL,
	"signed_on" date,
	"number_year" smallint,
	"number" integer,
	"symbol" text,
	"document_id" bigint,
	"base_salary_vnd" integer,
	"base_salary_source" text,
	"total_vnd" bigint,
	"revoked_reason" text,
	"revoked_by" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decision_status_ck" CHECK ("decision"."status" in ('DRAFT','SIGNED','REVOKED')),
	CONSTRAINT "decision_rounding_ck" CHECK ("decision"."rounding" in ('NONE','UP_TO_THOUSAND','UP_TO_TEN_THOUSAND')),
	CONSTRAINT "decision_signed_ck" CHECK (("decision"."status" = 'DRAFT') = ("decision"."number" is null))
);
--> statement-breakpoint
CREATE TABLE "reward_fund_budget" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"note" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_fund_budget_status_ck" CHECK ("reward_fund_budget"."status" in ('ACTIVE','SUPERSEDED')),
	CONSTRAINT "reward_fund_budget_amount_ck" CHECK ("reward_fund_budget"."amount_vnd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "nomination" DROP CONSTRAINT "nomination_status_ck";--> statement-breakpoint
ALTER TABLE "decision_item" ADD CONSTRAINT "decision_item_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_item" ADD CONSTRAINT "decision_item_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_item" ADD CONSTRAINT "decision_item_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_item" ADD CONSTRAINT "decision_item_subject_org_id_organisation_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_item" ADD CONSTRAINT "decision_item_award_code_award_type_code_fk" FOREIGN KEY ("award_code") REFERENCES "public"."award_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_item" ADD CONSTRAINT "decision_item_award_record_id_award_record_id_fk" FOREIGN KEY ("award_record_id") REFERENCES "public"."award_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_meeting_id_council_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_document_id_outgoing_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_fund_budget" ADD CONSTRAINT "reward_fund_budget_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_item_person_uq" ON "decision_item" USING btree ("decision_id","person_id","award_code") WHERE "decision_item"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_item_org_uq" ON "decision_item" USING btree ("decision_id","subject_org_id","award_code") WHERE "decision_item"."subject_org_id" is not null;--> statement-breakpoint
CREATE INDEX "decision_item_decision_idx" ON "decision_item" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "decision_item_nomination_idx" ON "decision_item" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_number_uq" ON "decision" USING btree ("org_id","number_year","number") WHERE "decision"."number" is not null;--> statement-breakpoint
CREATE INDEX "decision_path_idx" ON "decision" USING btree ("org_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_fund_budget_active_uq" ON "reward_fund_budget" USING btree ("org_id","year") WHERE "reward_fund_budget"."status" = 'ACTIVE';--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_status_ck" CHECK ("nomination"."status" in ('DRAFT','IN_REVIEW','RETURNED','ACCEPTED','REJECTED','WITHDRAWN','TO_COUNCIL','COUNCIL_PASSED','COUNCIL_FAILED','AWARDED'));
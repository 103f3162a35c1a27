CREATE TABLE "absence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	CONSTRAINT "absence_subject_ck" CHECK (("absence"."person_id" is null) <> ("absence"."org_id" is null)),
	CONSTRAINT "absence_status_ck" CHECK ("absence"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "absence_source_ck" CHECK ("absence"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "absence_reason_ck" CHECK ("absence"."reason" in ('MATERNITY','ILLNESS','TRAINING','INJURY_DUTY','OTHER')),
	CONSTRAINT "absence_period_ck" CHECK ("absence"."valid_to" >= "absence"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "award_record" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"award_code" text NOT NULL,
	"year" smallint NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"issuer_name" text,
	"issuer_org_id" bigint,
	CONSTRAINT "award_record_subject_ck" CHECK (("award_record"."person_id" is null) <> ("award_record"."org_id" is null)),
	CONSTRAINT "award_record_status_ck" CHECK ("award_record"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "award_record_source_ck" CHECK ("award_record"."source" in ('MANUAL','IMPORT','DECISION'))
);
--> statement-breakpoint
CREATE TABLE "award_type" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"granting_org_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"coefficient" numeric(6, 2),
	"uncertain" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "award_type_category_ck" CHECK ("award_type"."category" in ('TITLE','FORM')),
	CONSTRAINT "award_type_subject_ck" CHECK ("award_type"."subject" in ('INDIVIDUAL','COLLECTIVE')),
	CONSTRAINT "award_type_kind_ck" CHECK ("award_type"."kind" in ('MERIT','THEMATIC','AD_HOC','DEDICATION','SENIORITY','FOREIGN')),
	CONSTRAINT "award_type_level_ck" CHECK ("award_type"."level" in ('GRASSROOTS','UPPER','PROVINCE','CENTRAL','STATE')),
	CONSTRAINT "award_type_coefficient_ck" CHECK ("award_type"."coefficient" is null or "award_type"."coefficient" >= 0)
);
--> statement-breakpoint
CREATE TABLE "base_salary" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"superseded_by" bigint,
	"reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "base_salary_amount_ck" CHECK ("base_salary"."amount_vnd" > 0),
	CONSTRAINT "base_salary_status_ck" CHECK ("base_salary"."status" in ('ACTIVE','SUPERSEDED'))
);
--> statement-breakpoint
CREATE TABLE "cluster_lead" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"cluster_name" text NOT NULL,
	"level" text DEFAULT 'PROVINCE' NOT NULL,
	CONSTRAINT "cluster_lead_subject_ck" CHECK (("cluster_lead"."person_id" is null) <> ("cluster_lead"."org_id" is null)),
	CONSTRAINT "cluster_lead_status_ck" CHECK ("cluster_lead"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "cluster_lead_source_ck" CHECK ("cluster_lead"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "cluster_lead_level_ck" CHECK ("cluster_lead"."level" in ('UPPER','PROVINCE','CENTRAL'))
);
--> statement-breakpoint
CREATE TABLE "discipline" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"level" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"decision_number" text,
	"issuer_name" text,
	CONSTRAINT "discipline_subject_ck" CHECK (("discipline"."person_id" is null) <> ("discipline"."org_id" is null)),
	CONSTRAINT "discipline_status_ck" CHECK ("discipline"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "discipline_source_ck" CHECK ("discipline"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "discipline_level_ck" CHECK ("discipline"."level" in ('KHIEN_TRACH','CANH_CAO','HA_BAC_LUONG','GIANG_CHUC','CACH_CHUC','BUOC_THOI_VIEC')),
	CONSTRAINT "discipline_period_ck" CHECK ("discipline"."valid_to" is null or "discipline"."valid_to" >= "discipline"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "initiative" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"recognised_by" text NOT NULL,
	"recognised_on" date NOT NULL,
	"scope" text NOT NULL,
	"applied" boolean DEFAULT true NOT NULL,
	"benefit_value_vnd" bigint,
	"decision_number" text,
	CONSTRAINT "initiative_subject_ck" CHECK (("initiative"."person_id" is null) <> ("initiative"."org_id" is null)),
	CONSTRAINT "initiative_status_ck" CHECK ("initiative"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "initiative_source_ck" CHECK ("initiative"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "initiative_scope_ck" CHECK ("initiative"."scope" in ('GRASSROOTS','MINISTRY_PROVINCE','NATIONAL'))
);
--> statement-breakpoint
CREATE TABLE "pending_case" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"summary" text NOT NULL,
	CONSTRAINT "pending_case_subject_ck" CHECK (("pending_case"."person_id" is null) <> ("pending_case"."org_id" is null)),
	CONSTRAINT "pending_case_status_ck" CHECK ("pending_case"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "pending_case_source_ck" CHECK ("pending_case"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "pending_case_kind_ck" CHECK ("pending_case"."kind" in ('DISCIPLINE','INVESTIGATION','INSPECTION','COMPLAINT','DENUNCIATION')),
	CONSTRAINT "pending_case_period_ck" CHECK ("pending_case"."closed_on" is null or "pending_case"."closed_on" >= "pending_case"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "performance_rating" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"rating" text NOT NULL,
	CONSTRAINT "performance_rating_subject_ck" CHECK (("performance_rating"."person_id" is null) <> ("performance_rating"."org_id" is null)),
	CONSTRAINT "performance_rating_status_ck" CHECK ("performance_rating"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "performance_rating_source_ck" CHECK ("performance_rating"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "performance_rating_ck" CHECK ("performance_rating"."rating" in ('HTXSNV','HTTNV','HTNV','KHTNV'))
);
--> statement-breakpoint
CREATE TABLE "emulation_registration" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"award_code" text NOT NULL,
	"registered_on" date NOT NULL,
	CONSTRAINT "emulation_registration_subject_ck" CHECK (("emulation_registration"."person_id" is null) <> ("emulation_registration"."org_id" is null)),
	CONSTRAINT "emulation_registration_status_ck" CHECK ("emulation_registration"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "emulation_registration_source_ck" CHECK ("emulation_registration"."source" in ('MANUAL','IMPORT','DECISION'))
);
--> statement-breakpoint
CREATE TABLE "research_topic" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"accepted_on" date NOT NULL,
	"scope" text NOT NULL,
	"applied" boolean DEFAULT true NOT NULL,
	CONSTRAINT "research_topic_subject_ck" CHECK (("research_topic"."person_id" is null) <> ("research_topic"."org_id" is null)),
	CONSTRAINT "research_topic_status_ck" CHECK ("research_topic"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "research_topic_source_ck" CHECK ("research_topic"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "research_topic_scope_ck" CHECK ("research_topic"."scope" in ('GRASSROOTS','MINISTRY_PROVINCE','NATIONAL'))
);
--> statement-breakpoint
CREATE TABLE "rule_parameter" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"param_key" text NOT NULL,
	"value" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_year_stats" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"scope_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"source" text DEFAULT 'MANUAL' NOT NULL,
	"note" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_by" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"members" integer NOT NULL,
	"completed" integer NOT NULL,
	"ldtt" integer NOT NULL,
	"cstdcs" integer NOT NULL,
	"disciplined_warning_or_above" integer NOT NULL,
	CONSTRAINT "unit_year_stats_subject_ck" CHECK (("unit_year_stats"."person_id" is null) <> ("unit_year_stats"."org_id" is null)),
	CONSTRAINT "unit_year_stats_status_ck" CHECK ("unit_year_stats"."status" in ('ACTIVE','REVOKED','SUPERSEDED')),
	CONSTRAINT "unit_year_stats_source_ck" CHECK ("unit_year_stats"."source" in ('MANUAL','IMPORT','DECISION')),
	CONSTRAINT "unit_year_stats_counts_ck" CHECK ("unit_year_stats"."completed" <= "unit_year_stats"."members" and "unit_year_stats"."ldtt" <= "unit_year_stats"."members" and "unit_year_stats"."cstdcs" <= "unit_year_stats"."ldtt" and "unit_year_stats"."disciplined_warning_or_above" <= "unit_year_stats"."members")
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "service_start_date" date;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "education_level" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "union_work_category" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "union_work_years_before" numeric(4, 1);--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_record" ADD CONSTRAINT "award_record_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_record" ADD CONSTRAINT "award_record_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_record" ADD CONSTRAINT "award_record_award_code_award_type_code_fk" FOREIGN KEY ("award_code") REFERENCES "public"."award_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_record" ADD CONSTRAINT "award_record_issuer_org_id_organisation_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_lead" ADD CONSTRAINT "cluster_lead_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_lead" ADD CONSTRAINT "cluster_lead_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline" ADD CONSTRAINT "discipline_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline" ADD CONSTRAINT "discipline_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_case" ADD CONSTRAINT "pending_case_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_case" ADD CONSTRAINT "pending_case_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_rating" ADD CONSTRAINT "performance_rating_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_rating" ADD CONSTRAINT "performance_rating_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_award_code_award_type_code_fk" FOREIGN KEY ("award_code") REFERENCES "public"."award_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topic" ADD CONSTRAINT "research_topic_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topic" ADD CONSTRAINT "research_topic_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_parameter" ADD CONSTRAINT "rule_parameter_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_year_stats" ADD CONSTRAINT "unit_year_stats_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_year_stats" ADD CONSTRAINT "unit_year_stats_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_person_idx" ON "absence" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "award_record_person_idx" ON "award_record" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "award_record_org_idx" ON "award_record" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "award_record_scope_idx" ON "award_record" USING btree ("scope_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "base_salary_active_uq" ON "base_salary" USING btree ("effective_from") WHERE "base_salary"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "cluster_lead_org_idx" ON "cluster_lead" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "discipline_person_idx" ON "discipline" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "discipline_org_idx" ON "discipline" USING btree ("org_id","valid_from");--> statement-breakpoint
CREATE INDEX "initiative_person_idx" ON "initiative" USING btree ("person_id","recognised_on");--> statement-breakpoint
CREATE INDEX "initiative_scope_path_idx" ON "initiative" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pending_case_person_idx" ON "pending_case" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "pending_case_org_idx" ON "pending_case" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_rating_person_uq" ON "performance_rating" USING btree ("person_id","year") WHERE "performance_rating"."status" = 'ACTIVE' and "performance_rating"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "performance_rating_org_uq" ON "performance_rating" USING btree ("org_id","year") WHERE "performance_rating"."status" = 'ACTIVE' and "performance_rating"."org_id" is not null;--> statement-breakpoint
CREATE INDEX "performance_rating_scope_idx" ON "performance_rating" USING btree ("scope_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_registration_person_uq" ON "emulation_registration" USING btree ("person_id","year","award_code") WHERE "emulation_registration"."status" = 'ACTIVE' and "emulation_registration"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_registration_org_uq" ON "emulation_registration" USING btree ("org_id","year","award_code") WHERE "emulation_registration"."status" = 'ACTIVE' and "emulation_registration"."org_id" is not null;--> statement-breakpoint
CREATE INDEX "research_topic_person_idx" ON "research_topic" USING btree ("person_id","accepted_on");--> statement-breakpoint
CREATE INDEX "rule_parameter_key_idx" ON "rule_parameter" USING btree ("pack_id","param_key","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_year_stats_uq" ON "unit_year_stats" USING btree ("org_id","year") WHERE "unit_year_stats"."status" = 'ACTIVE';
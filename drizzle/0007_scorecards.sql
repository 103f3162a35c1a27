CREATE TABLE "council_mark" (
	"sheet_id" bigint NOT NULL,
	"scorer_id" bigint NOT NULL,
	"entries" jsonb NOT NULL,
	"total" numeric(7, 2) NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_amendment" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sheet_id" bigint NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_entry" (
	"sheet_id" bigint NOT NULL,
	"criterion_code" text NOT NULL,
	"self_points" numeric(6, 2),
	"self_note" text,
	"verified_points" numeric(6, 2),
	"verify_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_evidence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sheet_id" bigint NOT NULL,
	"criterion_code" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"stored_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"revoked_reason" text,
	"uploaded_by" bigint,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_evidence_status_ck" CHECK ("score_evidence"."status" in ('ACTIVE','REVOKED'))
);
--> statement-breakpoint
CREATE TABLE "score_sheet" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"org_id" bigint,
	"person_id" bigint,
	"scope_path" text NOT NULL,
	"variant" text,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"self_total" numeric(7, 2),
	"verified_total" numeric(7, 2),
	"classification" text,
	"rank" integer,
	"submitted_at" timestamp with time zone,
	"submitted_by" bigint,
	"verified_at" timestamp with time zone,
	"verified_by" bigint,
	"return_reason" text,
	"rating_record_id" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "score_sheet_subject_ck" CHECK (("score_sheet"."person_id" is null) <> ("score_sheet"."org_id" is null)),
	CONSTRAINT "score_sheet_variant_ck" CHECK ("score_sheet"."variant" is null or "score_sheet"."variant" in ('STATE','ENTERPRISE')),
	CONSTRAINT "score_sheet_status_ck" CHECK ("score_sheet"."status" in ('DRAFT','SUBMITTED','RETURNED','VERIFIED')),
	CONSTRAINT "score_sheet_classification_ck" CHECK ("score_sheet"."classification" is null or "score_sheet"."classification" in ('HTXSNV','HTTNV','HTNV','KHTNV'))
);
--> statement-breakpoint
CREATE TABLE "scorecard_template" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"subject" text NOT NULL,
	"org_id" bigint,
	"structure" jsonb NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"supersedes_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "scorecard_template_subject_ck" CHECK ("scorecard_template"."subject" in ('UNIT','PERSON')),
	CONSTRAINT "scorecard_template_status_ck" CHECK ("scorecard_template"."status" in ('DRAFT','PUBLISHED','RETIRED'))
);
--> statement-breakpoint
CREATE TABLE "scoring_round_scorer" (
	"round_id" bigint NOT NULL,
	"user_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_round" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"template_id" bigint NOT NULL,
	"mode" text DEFAULT 'VERIFIED' NOT NULL,
	"cluster_id" bigint,
	"deadline" date NOT NULL,
	"tie_breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"classification" jsonb NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scoring_round_mode_ck" CHECK ("scoring_round"."mode" in ('VERIFIED','COUNCIL')),
	CONSTRAINT "scoring_round_status_ck" CHECK ("scoring_round"."status" in ('DRAFT','OPEN','CLOSED','PUBLISHED'))
);
--> statement-breakpoint
ALTER TABLE "absence" DROP CONSTRAINT "absence_source_ck";--> statement-breakpoint
ALTER TABLE "award_record" DROP CONSTRAINT "award_record_source_ck";--> statement-breakpoint
ALTER TABLE "cluster_lead" DROP CONSTRAINT "cluster_lead_source_ck";--> statement-breakpoint
ALTER TABLE "discipline" DROP CONSTRAINT "discipline_source_ck";--> statement-breakpoint
ALTER TABLE "initiative" DROP CONSTRAINT "initiative_source_ck";--> statement-breakpoint
ALTER TABLE "pending_case" DROP CONSTRAINT "pending_case_source_ck";--> statement-breakpoint
ALTER TABLE "performance_rating" DROP CONSTRAINT "performance_rating_source_ck";--> statement-breakpoint
ALTER TABLE "emulation_registration" DROP CONSTRAINT "emulation_registration_source_ck";--> statement-breakpoint
ALTER TABLE "research_topic" DROP CONSTRAINT "research_topic_source_ck";--> statement-breakpoint
ALTER TABLE "unit_year_stats" DROP CONSTRAINT "unit_year_stats_source_ck";--> statement-breakpoint
ALTER TABLE "council_mark" ADD CONSTRAINT "council_mark_sheet_id_score_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheet"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_mark" ADD CONSTRAINT "council_mark_scorer_id_app_user_id_fk" FOREIGN KEY ("scorer_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_amendment" ADD CONSTRAINT "score_amendment_sheet_id_score_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheet"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entry" ADD CONSTRAINT "score_entry_sheet_id_score_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheet"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_evidence" ADD CONSTRAINT "score_evidence_sheet_id_score_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheet"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_round_id_scoring_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scoring_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_rating_record_id_performance_rating_id_fk" FOREIGN KEY ("rating_record_id") REFERENCES "public"."performance_rating"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_template" ADD CONSTRAINT "scorecard_template_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_round_scorer" ADD CONSTRAINT "scoring_round_scorer_round_id_scoring_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scoring_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_round_scorer" ADD CONSTRAINT "scoring_round_scorer_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_round" ADD CONSTRAINT "scoring_round_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_round" ADD CONSTRAINT "scoring_round_template_id_scorecard_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."scorecard_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_round" ADD CONSTRAINT "scoring_round_cluster_id_emulation_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."emulation_cluster"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_mark_pk" ON "council_mark" USING btree ("sheet_id","scorer_id");--> statement-breakpoint
CREATE INDEX "score_amendment_sheet_idx" ON "score_amendment" USING btree ("sheet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_entry_pk" ON "score_entry" USING btree ("sheet_id","criterion_code");--> statement-breakpoint
CREATE INDEX "score_evidence_sheet_idx" ON "score_evidence" USING btree ("sheet_id","criterion_code");--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheet_org_uq" ON "score_sheet" USING btree ("round_id","org_id") WHERE "score_sheet"."org_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheet_person_uq" ON "score_sheet" USING btree ("round_id","person_id") WHERE "score_sheet"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "score_sheet_scope_idx" ON "score_sheet" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_template_version_uq" ON "scorecard_template" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_round_scorer_pk" ON "scoring_round_scorer" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "scoring_round_path_idx" ON "scoring_round" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_source_ck" CHECK ("absence"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "award_record" ADD CONSTRAINT "award_record_source_ck" CHECK ("award_record"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "cluster_lead" ADD CONSTRAINT "cluster_lead_source_ck" CHECK ("cluster_lead"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "discipline" ADD CONSTRAINT "discipline_source_ck" CHECK ("discipline"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_source_ck" CHECK ("initiative"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "pending_case" ADD CONSTRAINT "pending_case_source_ck" CHECK ("pending_case"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "performance_rating" ADD CONSTRAINT "performance_rating_source_ck" CHECK ("performance_rating"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_source_ck" CHECK ("emulation_registration"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "research_topic" ADD CONSTRAINT "research_topic_source_ck" CHECK ("research_topic"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));--> statement-breakpoint
ALTER TABLE "unit_year_stats" ADD CONSTRAINT "unit_year_stats_source_ck" CHECK ("unit_year_stats"."source" in ('MANUAL','IMPORT','DECISION','SCORING'));
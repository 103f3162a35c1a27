CREATE TABLE "nomination_document" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nomination_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"stored_path" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"revoked_reason" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" bigint,
	"supersedes_id" bigint,
	"uploaded_by" bigint,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nomination_document_status_ck" CHECK ("nomination_document"."status" in ('ACTIVE','SUPERSEDED','REVOKED'))
);
--> statement-breakpoint
CREATE TABLE "nomination_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nomination_id" bigint NOT NULL,
	"submission_id" bigint,
	"org_id" bigint,
	"kind" text NOT NULL,
	"reason" text,
	"actor_id" bigint,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_round" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"movement_id" bigint,
	"ceremony_date" date NOT NULL,
	"award_codes" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"schedule" jsonb NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"closed_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nomination_round_kind_ck" CHECK ("nomination_round"."kind" in ('ANNUAL','THEMATIC','AD_HOC')),
	CONSTRAINT "nomination_round_status_ck" CHECK ("nomination_round"."status" in ('OPEN','CLOSED','CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "nomination" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"proposer_org_id" bigint NOT NULL,
	"proposer_path" text NOT NULL,
	"person_id" bigint,
	"subject_org_id" bigint,
	"subject_path" text NOT NULL,
	"subject_name" text NOT NULL,
	"subject_name_folded" text GENERATED ALWAYS AS (vd_fold(subject_name)) STORED,
	"award_code" text NOT NULL,
	"procedure" text DEFAULT 'NORMAL' NOT NULL,
	"achievement_summary" text,
	"achievement_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligibility_status" text NOT NULL,
	"eligibility_snapshot" jsonb NOT NULL,
	"eligibility_checked_at" timestamp with time zone NOT NULL,
	"justification" text,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"holder_org_id" bigint NOT NULL,
	"submission_id" bigint,
	"reached_path" text,
	"holder_path" text NOT NULL,
	"withdrawn_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nomination_subject_ck" CHECK (("nomination"."person_id" is null) <> ("nomination"."subject_org_id" is null)),
	CONSTRAINT "nomination_procedure_ck" CHECK ("nomination"."procedure" in ('NORMAL','SIMPLIFIED')),
	CONSTRAINT "nomination_eligibility_ck" CHECK ("nomination"."eligibility_status" in ('ELIGIBLE','NOT_ELIGIBLE','MISSING_EVIDENCE')),
	CONSTRAINT "nomination_status_ck" CHECK ("nomination"."status" in ('DRAFT','IN_REVIEW','RETURNED','ACCEPTED','REJECTED','WITHDRAWN','TO_COUNCIL'))
);
--> statement-breakpoint
CREATE TABLE "opinion_request" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nomination_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"agency" text NOT NULL,
	"question" text NOT NULL,
	"due_on" date NOT NULL,
	"requested_by" bigint,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"answer" text,
	"answered_on" date,
	"recorded_by" bigint,
	"document_id" bigint,
	CONSTRAINT "opinion_request_outcome_ck" CHECK ("opinion_request"."outcome" is null or "opinion_request"."outcome" in ('AGREE','OBJECT')),
	CONSTRAINT "opinion_request_answer_ck" CHECK (("opinion_request"."outcome" is null) = ("opinion_request"."answered_on" is null))
);
--> statement-breakpoint
CREATE TABLE "submission_item" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" bigint NOT NULL,
	"nomination_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"state" text DEFAULT 'PENDING' NOT NULL,
	"reason" text,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	CONSTRAINT "submission_item_state_ck" CHECK ("submission_item"."state" in ('PENDING','ACCEPTED','RETURNED','FIXED','REJECTED','WITHDRAWN'))
);
--> statement-breakpoint
CREATE TABLE "submission" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"from_org_id" bigint NOT NULL,
	"from_path" text NOT NULL,
	"to_org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"procedure" text DEFAULT 'NORMAL' NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"escalated_from_id" bigint,
	"due_on" date,
	"submitted_at" timestamp with time zone,
	"submitted_by" bigint,
	"received_at" timestamp with time zone,
	"received_by" bigint,
	"appraised_at" timestamp with time zone,
	"appraised_by" bigint,
	"return_reason" text,
	"last_reminded_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "submission_procedure_ck" CHECK ("submission"."procedure" in ('NORMAL','SIMPLIFIED')),
	CONSTRAINT "submission_status_ck" CHECK ("submission"."status" in ('DRAFT','SUBMITTED','RECEIVED','UNDER_APPRAISAL','RETURNED','RESUBMITTED','APPRAISED','TO_COUNCIL','ESCALATED','WITHDRAWN'))
);
--> statement-breakpoint
ALTER TABLE "nomination_document" ADD CONSTRAINT "nomination_document_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_event" ADD CONSTRAINT "nomination_event_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_event" ADD CONSTRAINT "nomination_event_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_round" ADD CONSTRAINT "nomination_round_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_round" ADD CONSTRAINT "nomination_round_movement_id_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_round_id_nomination_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."nomination_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_proposer_org_id_organisation_id_fk" FOREIGN KEY ("proposer_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_subject_org_id_organisation_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_award_code_award_type_code_fk" FOREIGN KEY ("award_code") REFERENCES "public"."award_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_holder_org_id_organisation_id_fk" FOREIGN KEY ("holder_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_request" ADD CONSTRAINT "opinion_request_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_request" ADD CONSTRAINT "opinion_request_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_request" ADD CONSTRAINT "opinion_request_document_id_nomination_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."nomination_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_item" ADD CONSTRAINT "submission_item_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_item" ADD CONSTRAINT "submission_item_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_round_id_nomination_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."nomination_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_from_org_id_organisation_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_to_org_id_organisation_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nomination_document_nomination_idx" ON "nomination_document" USING btree ("nomination_id","kind");--> statement-breakpoint
CREATE INDEX "nomination_event_nomination_idx" ON "nomination_event" USING btree ("nomination_id","id");--> statement-breakpoint
CREATE INDEX "nomination_round_path_idx" ON "nomination_round" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "nomination_person_uq" ON "nomination" USING btree ("round_id","person_id","award_code") WHERE "nomination"."person_id" is not null and "nomination"."status" <> 'WITHDRAWN';--> statement-breakpoint
CREATE UNIQUE INDEX "nomination_org_uq" ON "nomination" USING btree ("round_id","subject_org_id","award_code") WHERE "nomination"."subject_org_id" is not null and "nomination"."status" <> 'WITHDRAWN';--> statement-breakpoint
CREATE INDEX "nomination_round_proposer_idx" ON "nomination" USING btree ("round_id","proposer_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "nomination_holder_idx" ON "nomination" USING btree ("holder_org_id","status");--> statement-breakpoint
CREATE INDEX "nomination_person_idx" ON "nomination" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "nomination_subject_org_idx" ON "nomination" USING btree ("subject_org_id");--> statement-breakpoint
CREATE INDEX "nomination_submission_idx" ON "nomination" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "opinion_request_nomination_idx" ON "opinion_request" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_item_uq" ON "submission_item" USING btree ("submission_id","nomination_id");--> statement-breakpoint
CREATE INDEX "submission_item_nomination_idx" ON "submission_item" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "submission_to_idx" ON "submission" USING btree ("to_org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "submission_from_idx" ON "submission" USING btree ("from_path" text_pattern_ops,"round_id");--> statement-breakpoint
CREATE INDEX "submission_round_idx" ON "submission" USING btree ("round_id");
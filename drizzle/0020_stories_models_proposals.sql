CREATE TABLE "complaint_document" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" bigint NOT NULL,
	"doc_type" text NOT NULL,
	"title" text NOT NULL,
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
	CONSTRAINT "complaint_document_type_ck" CHECK ("complaint_document"."doc_type" in ('ACCEPTANCE_NOTICE','RESOLUTION','DIALOGUE_MINUTES','VERIFICATION_REPORT','OTHER'))
);
--> statement-breakpoint
CREATE TABLE "exemplary_model_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"model_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"note" text,
	"next_on" date,
	"actor_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemplary_model_replication" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"model_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"started_on" date NOT NULL,
	"note" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"revoked_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exemplary_model_replication_status_ck" CHECK ("exemplary_model_replication"."status" in ('ACTIVE','REVOKED'))
);
--> statement-breakpoint
CREATE TABLE "exemplary_model" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"person_id" bigint,
	"subject_org_id" bigint,
	"responsible_org_id" bigint NOT NULL,
	"movement_id" bigint,
	"field" text,
	"stage" text DEFAULT 'DISCOVERED' NOT NULL,
	"discovered_on" date NOT NULL,
	"fostering_plan" text,
	"recognised_on" date,
	"decision_id" bigint,
	"closed_reason" text,
	"closed_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exemplary_model_kind_ck" CHECK ("exemplary_model"."kind" in ('MODEL','PERSON','COLLECTIVE')),
	CONSTRAINT "exemplary_model_stage_ck" CHECK ("exemplary_model"."stage" in ('DISCOVERED','FOSTERING','RECOGNISED','REPLICATED','CLOSED'))
);
--> statement-breakpoint
CREATE TABLE "good_deed_proposal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reference_code" text NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"channel" text NOT NULL,
	"proposer_name" text NOT NULL,
	"proposer_contact" text NOT NULL,
	"proposer_person_id" bigint,
	"subject_name" text NOT NULL,
	"subject_unit" text,
	"person_id" bigint,
	"story" text NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"review_note" text,
	"reviewed_by" bigint,
	"reviewed_at" timestamp with time zone,
	"story_id" bigint,
	"nomination_id" bigint,
	"client_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "good_deed_proposal_channel_ck" CHECK ("good_deed_proposal"."channel" in ('PUBLIC','MEMBER')),
	CONSTRAINT "good_deed_proposal_status_ck" CHECK ("good_deed_proposal"."status" in ('RECEIVED','STORY','NOMINATED','DECLINED'))
);
--> statement-breakpoint
CREATE TABLE "story" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"subject_kind" text NOT NULL,
	"person_id" bigint,
	"subject_org_id" bigint,
	"subject_name" text NOT NULL,
	"subject_unit" text,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"movement_id" bigint,
	"decision_id" bigint,
	"model_id" bigint,
	"proposal_id" bigint,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"consent_on" date,
	"consent_method" text,
	"consent_note" text,
	"consent_recorded_by" bigint,
	"review_note" text,
	"submitted_by" bigint,
	"submitted_at" timestamp with time zone,
	"published_by" bigint,
	"published_at" timestamp with time zone,
	"withdrawn_reason" text,
	"withdrawn_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "story_subject_kind_ck" CHECK ("story"."subject_kind" in ('PERSON','COLLECTIVE')),
	CONSTRAINT "story_subject_ck" CHECK ("story"."person_id" is null or "story"."subject_org_id" is null),
	CONSTRAINT "story_status_ck" CHECK ("story"."status" in ('DRAFT','IN_REVIEW','PUBLISHED','WITHDRAWN')),
	CONSTRAINT "story_consent_method_ck" CHECK ("story"."consent_method" is null or "story"."consent_method" in ('WRITTEN','ONLINE','VERBAL_WITNESSED')),
	CONSTRAINT "story_published_consent_ck" CHECK ("story"."status" <> 'PUBLISHED' or "story"."consent_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "story_credit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"story_id" bigint,
	"model_id" bigint,
	"person_id" bigint,
	"name" text,
	"role" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"revoked_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_credit_role_ck" CHECK ("story_credit"."role" in ('DISCOVERED','WROTE','PUBLICISED','FOSTERED')),
	CONSTRAINT "story_credit_target_ck" CHECK (("story_credit"."story_id" is null) <> ("story_credit"."model_id" is null)),
	CONSTRAINT "story_credit_who_ck" CHECK ("story_credit"."person_id" is not null or "story_credit"."name" is not null),
	CONSTRAINT "story_credit_status_ck" CHECK ("story_credit"."status" in ('ACTIVE','REVOKED'))
);
--> statement-breakpoint
CREATE TABLE "story_photo" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"story_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"alt_text" text NOT NULL,
	"caption" text,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
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
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_document" ADD CONSTRAINT "complaint_document_complaint_id_complaint_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model_event" ADD CONSTRAINT "exemplary_model_event_model_id_exemplary_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."exemplary_model"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model_replication" ADD CONSTRAINT "exemplary_model_replication_model_id_exemplary_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."exemplary_model"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model_replication" ADD CONSTRAINT "exemplary_model_replication_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_subject_org_id_organisation_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_responsible_org_id_organisation_id_fk" FOREIGN KEY ("responsible_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_movement_id_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model" ADD CONSTRAINT "exemplary_model_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_deed_proposal" ADD CONSTRAINT "good_deed_proposal_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_deed_proposal" ADD CONSTRAINT "good_deed_proposal_proposer_person_id_person_id_fk" FOREIGN KEY ("proposer_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_deed_proposal" ADD CONSTRAINT "good_deed_proposal_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_deed_proposal" ADD CONSTRAINT "good_deed_proposal_story_id_story_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."story"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_deed_proposal" ADD CONSTRAINT "good_deed_proposal_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_subject_org_id_organisation_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_movement_id_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_credit" ADD CONSTRAINT "story_credit_story_id_story_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."story"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_credit" ADD CONSTRAINT "story_credit_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_photo" ADD CONSTRAINT "story_photo_story_id_story_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."story"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_document_idx" ON "complaint_document" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "exemplary_model_event_idx" ON "exemplary_model_event" USING btree ("model_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "exemplary_model_replication_uq" ON "exemplary_model_replication" USING btree ("model_id","org_id") WHERE "exemplary_model_replication"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "exemplary_model_path_idx" ON "exemplary_model" USING btree ("org_path" text_pattern_ops,"stage");--> statement-breakpoint
CREATE INDEX "exemplary_model_responsible_idx" ON "exemplary_model" USING btree ("responsible_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "good_deed_proposal_reference_uq" ON "good_deed_proposal" USING btree ("reference_code");--> statement-breakpoint
CREATE INDEX "good_deed_proposal_path_idx" ON "good_deed_proposal" USING btree ("org_path" text_pattern_ops,"status","created_at");--> statement-breakpoint
CREATE INDEX "good_deed_proposal_client_idx" ON "good_deed_proposal" USING btree ("client_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "story_slug_uq" ON "story" USING btree ("org_id","slug");--> statement-breakpoint
CREATE INDEX "story_path_idx" ON "story" USING btree ("org_path" text_pattern_ops,"status","published_at");--> statement-breakpoint
CREATE INDEX "story_public_idx" ON "story" USING btree ("org_id","status","published_at");--> statement-breakpoint
CREATE INDEX "story_credit_story_idx" ON "story_credit" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "story_credit_model_idx" ON "story_credit" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "story_credit_person_idx" ON "story_credit" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "story_photo_story_idx" ON "story_photo" USING btree ("story_id","position");
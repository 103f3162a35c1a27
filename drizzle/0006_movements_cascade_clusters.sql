CREATE TABLE "email_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_outbox_status_ck" CHECK ("email_outbox"."status" in ('PENDING','SENT','FAILED'))
);
--> statement-breakpoint
CREATE TABLE "emulation_cluster_member" (
	"cluster_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"role" text DEFAULT 'MEMBER' NOT NULL,
	"rotation_order" smallint NOT NULL,
	CONSTRAINT "emulation_cluster_member_role_ck" CHECK ("emulation_cluster_member"."role" in ('HEAD','DEPUTY','MEMBER'))
);
--> statement-breakpoint
CREATE TABLE "emulation_cluster" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"covenant_signed_on" date,
	"covenant" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"leader_org_id" bigint,
	"leader_chosen_on" date,
	"leader_record_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "emulation_cluster_kind_ck" CHECK ("emulation_cluster"."kind" in ('CLUSTER','BLOCK')),
	CONSTRAINT "emulation_cluster_level_ck" CHECK ("emulation_cluster"."level" in ('UPPER','PROVINCE','CENTRAL'))
);
--> statement-breakpoint
CREATE TABLE "inbox_item" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"sender_org_id" bigint,
	"document_id" bigint,
	"request_id" bigint,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" bigint,
	CONSTRAINT "inbox_item_kind_ck" CHECK ("inbox_item"."kind" in ('DOCUMENT','REQUEST','REMINDER','NOTICE'))
);
--> statement-breakpoint
CREATE TABLE "movement_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"movement_id" bigint NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"on_date" date NOT NULL,
	"note" text,
	"actor_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"slogan" text,
	"content" text DEFAULT '' NOT NULL,
	"participants" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"offered_awards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan_id" bigint,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"launched_on" date,
	"mid_review_on" date,
	"final_review_on" date,
	"closed_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "movement_kind_ck" CHECK ("movement"."kind" in ('REGULAR','ROUND','THEMATIC')),
	CONSTRAINT "movement_status_ck" CHECK ("movement"."status" in ('DRAFT','LAUNCHED','IN_PROGRESS','MID_REVIEW','FINAL_REVIEW','CLOSED')),
	CONSTRAINT "movement_period_ck" CHECK ("movement"."ends_on" >= "movement"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "request_target" (
	"request_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"responded_at" timestamp with time zone,
	"response_type" text,
	"response_id" bigint,
	"reminded_at" timestamp with time zone,
	"reminder_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_target_response_ck" CHECK (("request_target"."responded_at" is null) = ("request_target"."response_type" is null))
);
--> statement-breakpoint
CREATE TABLE "response_request" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"issuer_org_id" bigint NOT NULL,
	"issuer_path" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" bigint NOT NULL,
	"response_kind" text NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_request_source_ck" CHECK ("response_request"."source_type" in ('plan','movement')),
	CONSTRAINT "response_request_kind_ck" CHECK ("response_request"."response_kind" in ('PLAN','REGISTRATION')),
	CONSTRAINT "response_request_status_ck" CHECK ("response_request"."status" in ('OPEN','CLOSED'))
);
--> statement-breakpoint
DROP INDEX "emulation_registration_person_uq";--> statement-breakpoint
DROP INDEX "emulation_registration_org_uq";--> statement-breakpoint
ALTER TABLE "outgoing_document" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outgoing_document" ADD COLUMN "archive_docx" "bytea";--> statement-breakpoint
ALTER TABLE "outgoing_document" ADD COLUMN "archive_sha256" text;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD COLUMN "movement_id" bigint;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD COLUMN "unit_id" bigint;--> statement-breakpoint
UPDATE "emulation_registration" SET "unit_id" = coalesce("org_id", (regexp_match("scope_path", '/([0-9]+)/$'))[1]::bigint);--> statement-breakpoint
ALTER TABLE "emulation_registration" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD COLUMN "review_status" text DEFAULT 'APPROVED' NOT NULL;--> statement-breakpoint
ALTER TABLE "emulation_registration" ALTER COLUMN "review_status" SET DEFAULT 'SUBMITTED';--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD COLUMN "reviewed_by" bigint;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emulation_cluster_member" ADD CONSTRAINT "emulation_cluster_member_cluster_id_emulation_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."emulation_cluster"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_cluster_member" ADD CONSTRAINT "emulation_cluster_member_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_cluster" ADD CONSTRAINT "emulation_cluster_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_cluster" ADD CONSTRAINT "emulation_cluster_leader_org_id_organisation_id_fk" FOREIGN KEY ("leader_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_cluster" ADD CONSTRAINT "emulation_cluster_leader_record_id_cluster_lead_id_fk" FOREIGN KEY ("leader_record_id") REFERENCES "public"."cluster_lead"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_item" ADD CONSTRAINT "inbox_item_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_item" ADD CONSTRAINT "inbox_item_sender_org_id_organisation_id_fk" FOREIGN KEY ("sender_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_item" ADD CONSTRAINT "inbox_item_document_id_outgoing_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_item" ADD CONSTRAINT "inbox_item_request_id_response_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."response_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_item" ADD CONSTRAINT "inbox_item_read_by_app_user_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_step" ADD CONSTRAINT "movement_step_movement_id_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement" ADD CONSTRAINT "movement_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement" ADD CONSTRAINT "movement_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_target" ADD CONSTRAINT "request_target_request_id_response_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."response_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_target" ADD CONSTRAINT "request_target_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_request" ADD CONSTRAINT "response_request_issuer_org_id_organisation_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_cluster_member_pk" ON "emulation_cluster_member" USING btree ("cluster_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_cluster_member_head_uq" ON "emulation_cluster_member" USING btree ("cluster_id") WHERE "emulation_cluster_member"."role" = 'HEAD';--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_cluster_member_deputy_uq" ON "emulation_cluster_member" USING btree ("cluster_id") WHERE "emulation_cluster_member"."role" = 'DEPUTY';--> statement-breakpoint
CREATE INDEX "emulation_cluster_member_org_idx" ON "emulation_cluster_member" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_cluster_name_uq" ON "emulation_cluster" USING btree ("org_id","year","name");--> statement-breakpoint
CREATE INDEX "emulation_cluster_path_idx" ON "emulation_cluster" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "inbox_item_org_idx" ON "inbox_item" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_item_document_uq" ON "inbox_item" USING btree ("document_id","org_id") WHERE "inbox_item"."kind" = 'DOCUMENT';--> statement-breakpoint
CREATE INDEX "inbox_item_request_idx" ON "inbox_item" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "movement_step_movement_idx" ON "movement_step" USING btree ("movement_id","id");--> statement-breakpoint
CREATE INDEX "movement_org_path_idx" ON "movement" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "request_target_pk" ON "request_target" USING btree ("request_id","org_id");--> statement-breakpoint
CREATE INDEX "request_target_org_idx" ON "request_target" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "response_request_source_uq" ON "response_request" USING btree ("source_type","source_id","response_kind");--> statement-breakpoint
CREATE INDEX "response_request_issuer_idx" ON "response_request" USING btree ("issuer_path" text_pattern_ops,"year");--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_movement_id_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_unit_id_organisation_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emulation_registration_unit_idx" ON "emulation_registration" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "emulation_registration_movement_idx" ON "emulation_registration" USING btree ("movement_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_registration_person_uq" ON "emulation_registration" USING btree ("person_id","year","award_code",coalesce("movement_id", 0)) WHERE "emulation_registration"."status" = 'ACTIVE' and "emulation_registration"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_registration_org_uq" ON "emulation_registration" USING btree ("org_id","year","award_code",coalesce("movement_id", 0)) WHERE "emulation_registration"."status" = 'ACTIVE' and "emulation_registration"."org_id" is not null;--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_review_ck" CHECK ("emulation_registration"."review_status" in ('SUBMITTED','APPROVED','RETURNED'));--> statement-breakpoint
ALTER TABLE "emulation_registration" ADD CONSTRAINT "emulation_registration_returned_ck" CHECK ("emulation_registration"."review_status" <> 'RETURNED' or "emulation_registration"."review_reason" is not null);
CREATE TABLE "complaint_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" bigint NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"actor_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reference_code" text NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"complainant_name" text NOT NULL,
	"complainant_contact" text NOT NULL,
	"complainant_address" text,
	"content" text NOT NULL,
	"nomination_id" bigint,
	"decision_id" bigint,
	"person_id" bigint,
	"subject_org_id" bigint,
	"learned_on" date,
	"received_on" date NOT NULL,
	"excluded_days" integer DEFAULT 0 NOT NULL,
	"complex" boolean DEFAULT false NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"instance" smallint DEFAULT 1 NOT NULL,
	"previous_id" bigint,
	"accepted_on" date,
	"closed_on" date,
	"outcome" text,
	"resolution" text,
	"assigned_to" bigint,
	"pending_case_id" bigint,
	"client_hash" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "complaint_kind_ck" CHECK ("complaint"."kind" in ('COMPLAINT','DENUNCIATION','PETITION')),
	CONSTRAINT "complaint_channel_ck" CHECK ("complaint"."channel" in ('PUBLIC','STAFF')),
	CONSTRAINT "complaint_status_ck" CHECK ("complaint"."status" in ('RECEIVED','ACCEPTED','NOT_ACCEPTED','RESOLVED','WITHDRAWN')),
	CONSTRAINT "complaint_outcome_ck" CHECK ("complaint"."outcome" is null or "complaint"."outcome" in ('UPHELD','PARTLY_UPHELD','DISMISSED')),
	CONSTRAINT "complaint_instance_ck" CHECK ("complaint"."instance" in (1, 2)),
	CONSTRAINT "complaint_excluded_ck" CHECK ("complaint"."excluded_days" >= 0),
	CONSTRAINT "complaint_subject_ck" CHECK ("complaint"."person_id" is null or "complaint"."subject_org_id" is null)
);
--> statement-breakpoint
ALTER TABLE "pending_case" DROP CONSTRAINT "pending_case_source_ck";--> statement-breakpoint
ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_complaint_id_complaint_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_subject_org_id_organisation_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_assigned_to_app_user_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_pending_case_id_pending_case_id_fk" FOREIGN KEY ("pending_case_id") REFERENCES "public"."pending_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_event_complaint_idx" ON "complaint_event" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_reference_uq" ON "complaint" USING btree ("reference_code");--> statement-breakpoint
CREATE INDEX "complaint_path_idx" ON "complaint" USING btree ("org_path" text_pattern_ops,"status","received_on");--> statement-breakpoint
CREATE INDEX "complaint_client_idx" ON "complaint" USING btree ("client_hash","created_at");--> statement-breakpoint
ALTER TABLE "pending_case" ADD CONSTRAINT "pending_case_source_ck" CHECK ("pending_case"."source" in ('MANUAL','IMPORT','DECISION','SCORING','COMPLAINT'));
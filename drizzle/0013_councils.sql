CREATE TABLE "ballot_tally" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"body" jsonb NOT NULL,
	"ballots_root" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_by" bigint,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_voter" (
	"item_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"channel" text NOT NULL,
	CONSTRAINT "ballot_voter_channel_ck" CHECK ("ballot_voter"."channel" in ('ONLINE','WRITTEN'))
);
--> statement-breakpoint
CREATE TABLE "ballot" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"choice" text NOT NULL,
	"channel" text NOT NULL,
	"receipt_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "ballot_choice_ck" CHECK ("ballot"."choice" in ('YES','NO','ABSTAIN')),
	CONSTRAINT "ballot_channel_ck" CHECK ("ballot"."channel" in ('ONLINE','WRITTEN'))
);
--> statement-breakpoint
CREATE TABLE "consultation_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"author_name" text NOT NULL,
	"contact" text NOT NULL,
	"body" text NOT NULL,
	"client_hash" text NOT NULL,
	"status" text DEFAULT 'NEW' NOT NULL,
	"handling" text,
	"handled_by" bigint,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_feedback_status_ck" CHECK ("consultation_feedback"."status" in ('NEW','RELEVANT','DISMISSED'))
);
--> statement-breakpoint
CREATE TABLE "consultation_item" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consultation_id" bigint NOT NULL,
	"nomination_id" bigint NOT NULL,
	"public_summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"meeting_id" bigint,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"withdrawn_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_status_ck" CHECK ("consultation"."status" in ('OPEN','WITHDRAWN'))
);
--> statement-breakpoint
CREATE TABLE "council_meeting" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"council_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text,
	"status" text DEFAULT 'SCHEDULED' NOT NULL,
	"presiding_member_id" bigint,
	"secretary_name" text,
	"counter_member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"tally_head" text,
	"cancelled_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_meeting_status_ck" CHECK ("council_meeting"."status" in ('SCHEDULED','OPEN','CLOSED','CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "council_member" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"council_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"role" text NOT NULL,
	"title" text,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_member_role_ck" CHECK ("council_member"."role" in ('CHAIR','VICE_CHAIR','STANDING','MEMBER'))
);
--> statement-breakpoint
CREATE TABLE "council_relation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" bigint NOT NULL,
	"person_id" bigint,
	"org_id" bigint,
	"relation" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "council_relation_subject_ck" CHECK (("council_relation"."person_id" is null) <> ("council_relation"."org_id" is null))
);
--> statement-breakpoint
CREATE TABLE "council" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"term_label" text NOT NULL,
	"term_starts_on" date NOT NULL,
	"term_ends_on" date,
	"max_members" integer DEFAULT 9 NOT NULL,
	"standing_office" text,
	"regulation_ref" text,
	"vote_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"ended_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_status_ck" CHECK ("council"."status" in ('ACTIVE','ENDED')),
	CONSTRAINT "council_max_members_ck" CHECK ("council"."max_members" between 3 and 99)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"status" text NOT NULL,
	"absence_reason" text,
	CONSTRAINT "meeting_attendance_status_ck" CHECK ("meeting_attendance"."status" in ('PRESENT','ABSENT'))
);
--> statement-breakpoint
CREATE TABLE "meeting_item" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" bigint NOT NULL,
	"nomination_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"method" text NOT NULL,
	"rule" jsonb,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"members_total" integer,
	"present_count" integer,
	"recused_count" integer,
	"result" text,
	"withdrawn_reason" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "meeting_item_method_ck" CHECK ("meeting_item"."method" in ('SECRET_ONLINE','SECRET_PAPER','SHOW_OF_HANDS')),
	CONSTRAINT "meeting_item_status_ck" CHECK ("meeting_item"."status" in ('PENDING','VOTING','CLOSED','WITHDRAWN')),
	CONSTRAINT "meeting_item_result_ck" CHECK ("meeting_item"."result" is null or "meeting_item"."result" in ('PASSED','FAILED','NO_QUORUM'))
);
--> statement-breakpoint
CREATE TABLE "meeting_recusal" (
	"item_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	CONSTRAINT "meeting_recusal_reason_ck" CHECK ("meeting_recusal"."reason" in ('SELF','SAME_UNIT','SUPERIOR','DECLARED','MANUAL'))
);
--> statement-breakpoint
ALTER TABLE "nomination" DROP CONSTRAINT "nomination_status_ck";--> statement-breakpoint
ALTER TABLE "ballot_tally" ADD CONSTRAINT "ballot_tally_meeting_id_council_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_tally" ADD CONSTRAINT "ballot_tally_item_id_meeting_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_voter" ADD CONSTRAINT "ballot_voter_item_id_meeting_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_voter" ADD CONSTRAINT "ballot_voter_member_id_council_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_item_id_meeting_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_feedback" ADD CONSTRAINT "consultation_feedback_item_id_consultation_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."consultation_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_item" ADD CONSTRAINT "consultation_item_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_item" ADD CONSTRAINT "consultation_item_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_meeting_id_council_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meeting" ADD CONSTRAINT "council_meeting_council_id_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."council"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meeting" ADD CONSTRAINT "council_meeting_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meeting" ADD CONSTRAINT "council_meeting_presiding_member_id_council_member_id_fk" FOREIGN KEY ("presiding_member_id") REFERENCES "public"."council_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_member" ADD CONSTRAINT "council_member_council_id_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."council"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_member" ADD CONSTRAINT "council_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_relation" ADD CONSTRAINT "council_relation_member_id_council_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_relation" ADD CONSTRAINT "council_relation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_relation" ADD CONSTRAINT "council_relation_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council" ADD CONSTRAINT "council_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_council_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_council_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_meeting_id_council_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_nomination_id_nomination_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nomination"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_recusal" ADD CONSTRAINT "meeting_recusal_item_id_meeting_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_recusal" ADD CONSTRAINT "meeting_recusal_member_id_council_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_tally_item_uq" ON "ballot_tally" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_tally_seq_uq" ON "ballot_tally" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_voter_pk" ON "ballot_voter" USING btree ("item_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_receipt_uq" ON "ballot" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "ballot_item_idx" ON "ballot" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "consultation_feedback_item_idx" ON "consultation_feedback" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "consultation_feedback_client_idx" ON "consultation_feedback" USING btree ("client_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_item_uq" ON "consultation_item" USING btree ("consultation_id","nomination_id");--> statement-breakpoint
CREATE INDEX "consultation_item_nomination_idx" ON "consultation_item" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "consultation_path_idx" ON "consultation" USING btree ("org_path" text_pattern_ops,"ends_on");--> statement-breakpoint
CREATE INDEX "council_meeting_council_idx" ON "council_meeting" USING btree ("council_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "council_meeting_path_idx" ON "council_meeting" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "council_member_active_uq" ON "council_member" USING btree ("council_id","person_id") WHERE "council_member"."left_on" is null;--> statement-breakpoint
CREATE INDEX "council_member_person_idx" ON "council_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "council_relation_member_idx" ON "council_relation" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_active_uq" ON "council" USING btree ("org_id") WHERE "council"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "council_path_idx" ON "council" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_pk" ON "meeting_attendance" USING btree ("meeting_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_item_nomination_uq" ON "meeting_item" USING btree ("meeting_id","nomination_id") WHERE "meeting_item"."status" <> 'WITHDRAWN';--> statement-breakpoint
CREATE INDEX "meeting_item_meeting_idx" ON "meeting_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_item_nomination_idx" ON "meeting_item" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_recusal_pk" ON "meeting_recusal" USING btree ("item_id","member_id");--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_status_ck" CHECK ("nomination"."status" in ('DRAFT','IN_REVIEW','RETURNED','ACCEPTED','REJECTED','WITHDRAWN','TO_COUNCIL','COUNCIL_PASSED','COUNCIL_FAILED'));--> statement-breakpoint
-- Ballots, who voted and the sealed tallies are append-only (hand-written): a changed or removed
-- ballot is refused here, and `vinhdanh ballots verify` detects one made behind the database's back.
CREATE FUNCTION vd_ballot_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER ballot_append_only BEFORE UPDATE OR DELETE ON "ballot" FOR EACH ROW EXECUTE FUNCTION vd_ballot_append_only();
--> statement-breakpoint
CREATE TRIGGER ballot_voter_append_only BEFORE UPDATE OR DELETE ON "ballot_voter" FOR EACH ROW EXECUTE FUNCTION vd_ballot_append_only();
--> statement-breakpoint
CREATE TRIGGER ballot_tally_append_only BEFORE UPDATE OR DELETE ON "ballot_tally" FOR EACH ROW EXECUTE FUNCTION vd_ballot_append_only();

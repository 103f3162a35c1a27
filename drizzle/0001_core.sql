CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" bigint,
	"org_id" bigint,
	"org_path" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"event_count" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_job" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"stored_path" text NOT NULL,
	"org_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"to_create" integer DEFAULT 0 NOT NULL,
	"to_update" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_attempt" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip" text NOT NULL,
	"username" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"end_reason" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "officer" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "org_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" bigint
);
--> statement-breakpoint
CREATE TABLE "org_kind" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"rank" smallint NOT NULL,
	"holds_members" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" text NOT NULL,
	"sector" text,
	"parent_id" bigint,
	"path" text NOT NULL,
	"depth" smallint NOT NULL,
	"province_root_id" bigint,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"merged_into_id" bigint,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "organisation_status_ck" CHECK ("organisation"."status" in ('ACTIVE','ENDED','MERGED')),
	CONSTRAINT "organisation_valid_ck" CHECK ("organisation"."valid_to" is null or "organisation"."valid_to" >= "organisation"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_code" text NOT NULL,
	"full_name" text NOT NULL,
	"name_folded" text GENERATED ALWAYS AS (vd_fold(full_name)) STORED,
	"gender" text NOT NULL,
	"birth_date" date,
	"cccd" text,
	"position" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"is_direct_worker" boolean DEFAULT false NOT NULL,
	"phone" text,
	"email" text,
	"ethnicity" text,
	"joined_union_on" date,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"org_id" bigint,
	"org_path" text,
	"province_root_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "person_gender_ck" CHECK ("person"."gender" in ('MALE','FEMALE')),
	CONSTRAINT "person_status_ck" CHECK ("person"."status" in ('ACTIVE','LEFT')),
	CONSTRAINT "person_cccd_ck" CHECK ("person"."cccd" is null or "person"."cccd" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "role_assignment" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"role" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" bigint,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"person_id" bigint,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer" ADD CONSTRAINT "officer_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer" ADD CONSTRAINT "officer_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_event" ADD CONSTRAINT "org_event_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_kind_org_kind_code_fk" FOREIGN KEY ("kind") REFERENCES "public"."org_kind"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_org_path_idx" ON "audit_event" USING btree ("org_path" text_pattern_ops,"occurred_at");--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_event_time_idx" ON "audit_event" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "login_attempt_ip_idx" ON "login_attempt" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "membership_person_idx" ON "membership" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "membership_org_idx" ON "membership" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_one_open_uq" ON "membership" USING btree ("person_id") WHERE "membership"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "officer_org_idx" ON "officer" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "officer_person_idx" ON "officer" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "org_event_org_idx" ON "org_event" USING btree ("org_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_code_uq" ON "organisation" USING btree ("code");--> statement-breakpoint
CREATE INDEX "organisation_parent_idx" ON "organisation" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisation_path_idx" ON "organisation" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "person_member_code_uq" ON "person" USING btree ("member_code");--> statement-breakpoint
CREATE UNIQUE INDEX "person_cccd_uq" ON "person" USING btree ("cccd");--> statement-breakpoint
CREATE INDEX "person_org_path_idx" ON "person" USING btree ("org_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "person_org_idx" ON "person" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "role_assignment_user_idx" ON "role_assignment" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignment_active_uq" ON "role_assignment" USING btree ("user_id","org_id","role") WHERE "role_assignment"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_uq" ON "app_user" USING btree ("username");
--> statement-breakpoint
CREATE INDEX "person_name_trgm_idx" ON "person" USING gin ("name_folded" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "person_member_code_trgm_idx" ON "person" USING gin ("member_code" gin_trgm_ops);
--> statement-breakpoint
-- The audit log is append-only: updates and deletes are refused by the database itself.
CREATE FUNCTION vd_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $fn$;
--> statement-breakpoint
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION vd_audit_append_only();
--> statement-breakpoint
-- Vietnamese alphabetical order for member lists (Đ after D), walkable for the first page.
CREATE INDEX "person_name_vi_idx" ON "person" ("full_name" COLLATE "vi-x-icu", "id");
--> statement-breakpoint
-- Member codes assigned by Vinh Danh when none is given: VD00000001, VD00000002, …
CREATE SEQUENCE "member_code_seq";

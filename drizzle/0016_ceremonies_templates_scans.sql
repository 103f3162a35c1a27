CREATE TABLE "ceremony" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"programme" jsonb NOT NULL,
	"note" text,
	"status" text DEFAULT 'PLANNED' NOT NULL,
	"cancelled_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ceremony_status_ck" CHECK ("ceremony"."status" in ('PLANNED','HELD','CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "ceremony_decision" (
	"ceremony_id" bigint NOT NULL,
	"decision_id" bigint NOT NULL,
	CONSTRAINT "ceremony_decision_ceremony_id_decision_id_pk" PRIMARY KEY("ceremony_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "ceremony_recipient" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ceremony_id" bigint NOT NULL,
	"decision_item_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"group_no" integer DEFAULT 1 NOT NULL,
	"presenter" text,
	"attendance" text DEFAULT 'PENDING' NOT NULL,
	"received_by" text,
	"recorded_by" bigint,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "ceremony_recipient_attendance_ck" CHECK ("ceremony_recipient"."attendance" in ('PENDING','RECEIVED','PROXY','ABSENT'))
);
--> statement-breakpoint
CREATE TABLE "certificate_template" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"settings" jsonb NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_template_kind_ck" CHECK ("certificate_template"."kind" in ('GIAY_KHEN','BANG_KHEN')),
	CONSTRAINT "certificate_template_status_ck" CHECK ("certificate_template"."status" in ('ACTIVE','SUPERSEDED'))
);
--> statement-breakpoint
CREATE TABLE "decision_scan" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"decision_id" bigint NOT NULL,
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
	CONSTRAINT "decision_scan_status_ck" CHECK ("decision_scan"."status" in ('ACTIVE','SUPERSEDED','REVOKED'))
);
--> statement-breakpoint
ALTER TABLE "ceremony" ADD CONSTRAINT "ceremony_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_decision" ADD CONSTRAINT "ceremony_decision_ceremony_id_ceremony_id_fk" FOREIGN KEY ("ceremony_id") REFERENCES "public"."ceremony"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_decision" ADD CONSTRAINT "ceremony_decision_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_recipient" ADD CONSTRAINT "ceremony_recipient_ceremony_id_ceremony_id_fk" FOREIGN KEY ("ceremony_id") REFERENCES "public"."ceremony"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_recipient" ADD CONSTRAINT "ceremony_recipient_decision_item_id_decision_item_id_fk" FOREIGN KEY ("decision_item_id") REFERENCES "public"."decision_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_template" ADD CONSTRAINT "certificate_template_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_scan" ADD CONSTRAINT "decision_scan_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ceremony_path_idx" ON "ceremony" USING btree ("org_path" text_pattern_ops,"held_at");--> statement-breakpoint
CREATE INDEX "ceremony_decision_decision_idx" ON "ceremony_decision" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ceremony_recipient_item_uq" ON "ceremony_recipient" USING btree ("ceremony_id","decision_item_id");--> statement-breakpoint
CREATE INDEX "ceremony_recipient_order_idx" ON "ceremony_recipient" USING btree ("ceremony_id","group_no","position");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_template_active_uq" ON "certificate_template" USING btree ("org_id","kind") WHERE "certificate_template"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "decision_scan_decision_idx" ON "decision_scan" USING btree ("decision_id");
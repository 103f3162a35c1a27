CREATE TABLE "document_counter" (
	"org_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"doc_type" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_counter_number_ck" CHECK ("document_counter"."last_number" > 0)
);
--> statement-breakpoint
CREATE TABLE "outgoing_document" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"doc_type" text NOT NULL,
	"number" integer NOT NULL,
	"symbol" text NOT NULL,
	"issued_on" date NOT NULL,
	"title" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" bigint NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"title" text NOT NULL,
	"theme" text,
	"place" text NOT NULL,
	"intro" text,
	"basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"blocks" jsonb NOT NULL,
	"signer" jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_id" bigint,
	"number" integer,
	"symbol" text,
	"issued_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_status_ck" CHECK ("plan"."status" in ('DRAFT','ISSUED')),
	CONSTRAINT "plan_issued_ck" CHECK (("plan"."status" = 'ISSUED') = ("plan"."number" is not null and "plan"."issued_on" is not null and "plan"."document_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "doc_abbreviation" text;--> statement-breakpoint
ALTER TABLE "document_counter" ADD CONSTRAINT "document_counter_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_document" ADD CONSTRAINT "outgoing_document_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_document_id_outgoing_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_counter_pk" ON "document_counter" USING btree ("org_id","year","doc_type");--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_document_number_uq" ON "outgoing_document" USING btree ("org_id","year","doc_type","number");--> statement-breakpoint
CREATE INDEX "outgoing_document_org_idx" ON "outgoing_document" USING btree ("org_id","issued_on");--> statement-breakpoint
CREATE INDEX "plan_org_path_idx" ON "plan" USING btree ("org_path" text_pattern_ops,"year");
CREATE TABLE "inspection_recommendation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inspection_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"done_on" date,
	"note" text,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_recommendation_status_ck" CHECK ("inspection_recommendation"."status" in ('OPEN','DONE','WITHDRAWN'))
);
--> statement-breakpoint
CREATE TABLE "inspection" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"target_org_id" bigint NOT NULL,
	"target_path" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"planned_on" date NOT NULL,
	"status" text DEFAULT 'PLANNED' NOT NULL,
	"conducted_on" date,
	"findings" text,
	"conclusion" text,
	"cancelled_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspection_kind_ck" CHECK ("inspection"."kind" in ('INSPECTION','SUPERVISION')),
	CONSTRAINT "inspection_status_ck" CHECK ("inspection"."status" in ('PLANNED','DONE','CANCELLED')),
	CONSTRAINT "inspection_done_ck" CHECK (("inspection"."status" = 'DONE') = ("inspection"."conducted_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "inspection_recommendation" ADD CONSTRAINT "inspection_recommendation_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_target_org_id_organisation_id_fk" FOREIGN KEY ("target_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_recommendation_idx" ON "inspection_recommendation" USING btree ("inspection_id","position");--> statement-breakpoint
CREATE INDEX "inspection_recommendation_due_idx" ON "inspection_recommendation" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "inspection_path_idx" ON "inspection" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "inspection_target_idx" ON "inspection" USING btree ("target_path" text_pattern_ops);
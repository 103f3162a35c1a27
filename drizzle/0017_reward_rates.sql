CREATE TABLE "reward_rate" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"award_code" text NOT NULL,
	"coefficient" numeric(5, 2),
	"amount_vnd" integer,
	"effective_from" date NOT NULL,
	"note" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_rate_one_ck" CHECK (("reward_rate"."coefficient" is null) <> ("reward_rate"."amount_vnd" is null)),
	CONSTRAINT "reward_rate_values_ck" CHECK (coalesce("reward_rate"."coefficient", 0) >= 0 and coalesce("reward_rate"."amount_vnd", 0) >= 0),
	CONSTRAINT "reward_rate_status_ck" CHECK ("reward_rate"."status" in ('ACTIVE','SUPERSEDED'))
);
--> statement-breakpoint
ALTER TABLE "reward_rate" ADD CONSTRAINT "reward_rate_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_rate" ADD CONSTRAINT "reward_rate_award_code_award_type_code_fk" FOREIGN KEY ("award_code") REFERENCES "public"."award_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_rate_active_uq" ON "reward_rate" USING btree ("org_id","award_code","effective_from") WHERE "reward_rate"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "reward_rate_award_idx" ON "reward_rate" USING btree ("award_code","effective_from");
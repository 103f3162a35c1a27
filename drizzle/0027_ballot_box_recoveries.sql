CREATE TABLE "ballot_envelope" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"sealed" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward_recovery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"decision_item_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"recovered_on" date NOT NULL,
	"document" text,
	"note" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"revoked_reason" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_recovery_amount_ck" CHECK ("reward_recovery"."amount_vnd" > 0),
	CONSTRAINT "reward_recovery_status_ck" CHECK ("reward_recovery"."status" in ('ACTIVE','REVOKED'))
);
--> statement-breakpoint
ALTER TABLE "ballot" DROP CONSTRAINT "ballot_channel_ck";--> statement-breakpoint
ALTER TABLE "ballot_envelope" ADD CONSTRAINT "ballot_envelope_item_id_meeting_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_recovery" ADD CONSTRAINT "reward_recovery_decision_item_id_decision_item_id_fk" FOREIGN KEY ("decision_item_id") REFERENCES "public"."decision_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_recovery" ADD CONSTRAINT "reward_recovery_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_envelope_item_idx" ON "ballot_envelope" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "reward_recovery_item_idx" ON "reward_recovery" USING btree ("decision_item_id");--> statement-breakpoint
CREATE INDEX "reward_recovery_fund_idx" ON "reward_recovery" USING btree ("org_id","year");--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_channel_ck" CHECK ("ballot"."channel" in ('ONLINE','WRITTEN','SEALED'));--> statement-breakpoint
-- Envelopes are never changed (hand-written): one is written with its voter and removed only when the
-- box is opened at closing.
CREATE FUNCTION vd_ballot_envelope_no_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'ballot_envelope is never updated';
END $fn$;
--> statement-breakpoint
CREATE TRIGGER ballot_envelope_no_update BEFORE UPDATE ON "ballot_envelope" FOR EACH ROW EXECUTE FUNCTION vd_ballot_envelope_no_update();

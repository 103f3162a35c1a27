CREATE TABLE "certificate" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"serial" text NOT NULL,
	"decision_item_id" bigint NOT NULL,
	"decision_id" bigint NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_decision_item_id_decision_item_id_fk" FOREIGN KEY ("decision_item_id") REFERENCES "public"."decision_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_serial_uq" ON "certificate" USING btree ("serial");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_item_uq" ON "certificate" USING btree ("decision_item_id");--> statement-breakpoint
CREATE INDEX "certificate_decision_idx" ON "certificate" USING btree ("decision_id");
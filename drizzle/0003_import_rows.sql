CREATE TABLE "import_row" (
	"job_id" bigint NOT NULL,
	"row_number" integer NOT NULL,
	"person_id" bigint,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_job_id_import_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_job"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_row_pk" ON "import_row" USING btree ("job_id","row_number");
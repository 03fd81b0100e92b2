ALTER TABLE "submissions" ADD COLUMN "originals_received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "originals_received_by" text;--> statement-breakpoint
CREATE INDEX "submissions_office_idx" ON "submissions" USING btree ("office_commune_id","submitted_at");--> statement-breakpoint
CREATE INDEX "submissions_helper_idx" ON "submissions" USING btree ("helper_id","submitted_at");
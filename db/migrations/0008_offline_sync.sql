CREATE TABLE "receipt_references" (
	"reference" text PRIMARY KEY NOT NULL,
	"device_id" uuid,
	"reserved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "offline_device_id" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "offline_content_hash" text;--> statement-breakpoint
CREATE INDEX "receipt_references_device_idx" ON "receipt_references" USING btree ("device_id","used_at");--> statement-breakpoint
-- Every reference already shown online is taken: no device block may ever be given one of them.
INSERT INTO "receipt_references" ("reference", "device_id", "reserved_at", "used_at")
SELECT "reference", NULL, "submitted_at", "submitted_at" FROM "submissions";

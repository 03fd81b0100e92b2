CREATE TABLE "dossier_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"status" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "province_status" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "province_status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "next_poll_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "retry_window_from" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "cid_last4" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "tracking_key" text;--> statement-breakpoint
ALTER TABLE "dossier_status_events" ADD CONSTRAINT "dossier_status_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "status_events_unique_idx" ON "dossier_status_events" USING btree ("dossier_id","status","occurred_at");--> statement-breakpoint
CREATE INDEX "dossiers_poll_idx" ON "dossiers" USING btree ("next_poll_at");--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_tracking_key_unique" UNIQUE("tracking_key");--> statement-breakpoint
UPDATE "dossiers" SET "next_poll_at" = now() WHERE "status" = 'sent';--> statement-breakpoint
UPDATE "submissions" SET "cid_last4" = right("answers"->>'applicant-cid', 4) WHERE length("answers"->>'applicant-cid') = 12;--> statement-breakpoint
UPDATE "outbox_messages" SET "retry_window_from" = "created_at";

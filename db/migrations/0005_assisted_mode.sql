ALTER TABLE "drafts" ADD COLUMN "assisted_by" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "assist_place" jsonb;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "consent_read_in" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "channel" text DEFAULT 'self' NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "helper_id" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "helper_name" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "assist_place" jsonb;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "consent_read_in" text;--> statement-breakpoint
-- Written by hand (drizzle-kit does not generate it): an assisted submission always names who helped.
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_channel_check" CHECK ("channel" IN ('self', 'helper', 'officer') AND (("channel" = 'self') = ("helper_id" IS NULL)));

ALTER TABLE "screens" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "screens" ADD COLUMN "last_playing" text;
CREATE TABLE "helper_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"commune_id" text NOT NULL,
	"label" text NOT NULL,
	"enrolment_token_hash" text,
	"enrolment_token" text,
	"enrolment_expires_at" timestamp with time zone NOT NULL,
	"secret_hash" text,
	"pin_hash" text,
	"failed_pins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enrolled_at" timestamp with time zone,
	"last_unlocked_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "helper_devices_enrolment_token_hash_unique" UNIQUE("enrolment_token_hash")
);
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "device_id" uuid;--> statement-breakpoint
ALTER TABLE "helper_devices" ADD CONSTRAINT "helper_devices_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_devices" ADD CONSTRAINT "helper_devices_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helper_devices_commune_idx" ON "helper_devices" USING btree ("commune_id","issued_at");--> statement-breakpoint
CREATE INDEX "staff_sessions_device_idx" ON "staff_sessions" USING btree ("device_id");
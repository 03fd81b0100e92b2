CREATE TABLE "leaflet_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guide_kind" text NOT NULL,
	"guide_id" text NOT NULL,
	"locale" text NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"place" text NOT NULL,
	"label" text NOT NULL,
	"copies" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "leaflet_runs_code_source_idx" ON "leaflet_runs" USING btree ("code","source");
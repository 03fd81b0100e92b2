CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"locale" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"value" jsonb NOT NULL,
	"note" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"author_id" text NOT NULL,
	"reviewer_id" text,
	"source" text,
	"checked_on" date,
	"publish_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_key_idx" ON "content_items" USING btree ("kind","key","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "content_revisions_number_idx" ON "content_revisions" USING btree ("item_id","number");--> statement-breakpoint
CREATE INDEX "content_revisions_state_idx" ON "content_revisions" USING btree ("state","publish_at");--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_state_check" CHECK ("state" IN ('draft', 'in-review', 'published', 'rejected'));--> statement-breakpoint
-- A revision's content never changes once written (docs/adr/0030): history and its diffs stay true; a
-- restore is a new revision. Only its review moves (state, reviewer, times, the reviewer's note).
CREATE FUNCTION "content_revisions_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW."value" IS DISTINCT FROM OLD."value" OR NEW."item_id" <> OLD."item_id"
     OR NEW."number" <> OLD."number" OR NEW."author_id" <> OLD."author_id" OR NEW."note" <> OLD."note"
     OR NEW."source" IS DISTINCT FROM OLD."source" OR NEW."checked_on" IS DISTINCT FROM OLD."checked_on" THEN
    RAISE EXCEPTION 'content revisions are fixed once written';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "content_revisions_fixed" BEFORE UPDATE OR DELETE ON "content_revisions"
  FOR EACH ROW EXECUTE FUNCTION "content_revisions_fixed"();

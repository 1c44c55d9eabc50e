CREATE TYPE "public"."delivery_status" AS ENUM('QUEUED', 'SENDING', 'SENT', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."digest_frequency" AS ENUM('WEEKLY', 'OFF');--> statement-breakpoint
CREATE TYPE "public"."notice_channel" AS ENUM('IN_APP', 'EMAIL');--> statement-breakpoint
CREATE TYPE "public"."notice_kind" AS ENUM('DUE_SOON', 'DUE_TODAY', 'OVERDUE_DIVISION', 'OVERDUE_ESCALATED', 'DIGEST');--> statement-breakpoint
ALTER TYPE "public"."history_kind" ADD VALUE 'REVIEW_REMARK';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'DIVISION_OFFICER';--> statement-breakpoint
CREATE TABLE "ladder_steps" (
	"step" "notice_kind" PRIMARY KEY NOT NULL,
	"offset_days" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "notice_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notice_id" integer NOT NULL,
	"channel" "notice_channel" NOT NULL,
	"address" text,
	"status" "delivery_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notice_deliveries_email_has_address" CHECK ("notice_deliveries"."channel" <> 'EMAIL' OR "notice_deliveries"."address" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "notice_preferences" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"email" text,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"digest_frequency" "digest_frequency" DEFAULT 'WEEKLY' NOT NULL,
	"locale" text DEFAULT 'hi' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" "notice_kind" NOT NULL,
	"action_item_id" integer,
	"due_date" date,
	"dedupe_key" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"for_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_scope_matches_role";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "division_id" integer;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_deliveries_notice_channel_uq" ON "notice_deliveries" USING btree ("notice_id","channel");--> statement-breakpoint
CREATE INDEX "notice_deliveries_queued_idx" ON "notice_deliveries" USING btree ("queued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_dedupe_uq" ON "notices" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notices_user_idx" ON "notices" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notices_unread_idx" ON "notices" USING btree ("user_id") WHERE "notices"."read_at" IS NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_division_id_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_scope_matches_role" CHECK (("users"."role" <> 'DISTRICT_OFFICER' OR ("users"."district_id" IS NOT NULL AND "users"."district_role" IS NOT NULL))
      AND ("users"."role" <> 'DEPARTMENT_OFFICER' OR "users"."department_id" IS NOT NULL)
      AND ("users"."role"::text <> 'DIVISION_OFFICER' OR ("users"."division_id" IS NOT NULL AND "users"."district_role" IS NOT NULL)));--> statement-breakpoint
-- The ladder as issue 13 describes it; the administrator changes it at /admin/reminders.
INSERT INTO "ladder_steps" ("step", "offset_days") VALUES
  ('DUE_SOON', -3), ('DUE_TODAY', 0), ('OVERDUE_DIVISION', 7), ('OVERDUE_ESCALATED', 15);
--> statement-breakpoint
-- The bell on every page counts notices, so the page cache (decision 009) must hear of them.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ladder_steps', 'notice_deliveries', 'notice_preferences', 'notices'] LOOP
    EXECUTE format(
      'CREATE TRIGGER anupalan_notify_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION anupalan_notify_data_changed()', t);
  END LOOP;
END;
$$;

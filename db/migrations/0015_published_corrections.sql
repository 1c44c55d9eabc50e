ALTER TYPE "public"."history_kind" ADD VALUE 'TEXT_CORRECTED';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'DIRECTIVE_CORRECTED';--> statement-breakpoint
CREATE TABLE "directive_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"directive_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"reason" text NOT NULL,
	"old_text_en" text NOT NULL,
	"old_text_hi" text NOT NULL,
	"new_text_en" text NOT NULL,
	"new_text_hi" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_item_history" ADD COLUMN "directive_correction_id" integer;--> statement-breakpoint
ALTER TABLE "directive_corrections" ADD CONSTRAINT "directive_corrections_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_corrections" ADD CONSTRAINT "directive_corrections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_corrections" ADD CONSTRAINT "directive_corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directive_corrections_directive_idx" ON "directive_corrections" USING btree ("directive_id","at");--> statement-breakpoint
ALTER TABLE "action_item_history" ADD CONSTRAINT "action_item_history_directive_correction_id_directive_corrections_id_fk" FOREIGN KEY ("directive_correction_id") REFERENCES "public"."directive_corrections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A correction is evidence, like the history rows that point at it: appended, never changed or removed.
CREATE TRIGGER directive_corrections_append_only
  BEFORE UPDATE OR DELETE ON directive_corrections
  FOR EACH ROW EXECUTE FUNCTION anupalan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER directive_corrections_no_truncate
  BEFORE TRUNCATE ON directive_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_refuse_change();
--> statement-breakpoint
-- The item page shows corrections, so the page cache (0008) must hear of them.
CREATE TRIGGER anupalan_notify_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directive_corrections"
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_notify_data_changed();

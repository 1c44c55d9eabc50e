CREATE TABLE "offices" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "meeting_reviewed_directives" (
	"meeting_id" integer NOT NULL,
	"directive_id" integer NOT NULL,
	"added_by_id" integer,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_reviewed_directives_meeting_id_directive_id_pk" PRIMARY KEY("meeting_id","directive_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"chair_office_id" integer NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_series_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "closed_in_meeting_id" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "chair_office_id" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "series_id" integer;--> statement-breakpoint
ALTER TABLE "meeting_reviewed_directives" ADD CONSTRAINT "meeting_reviewed_directives_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reviewed_directives" ADD CONSTRAINT "meeting_reviewed_directives_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reviewed_directives" ADD CONSTRAINT "meeting_reviewed_directives_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_chair_office_id_offices_id_fk" FOREIGN KEY ("chair_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_reviewed_directives_directive_idx" ON "meeting_reviewed_directives" USING btree ("directive_id");--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_closed_in_meeting_id_meetings_id_fk" FOREIGN KEY ("closed_in_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_office_id_offices_id_fk" FOREIGN KEY ("chair_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_series_date_idx" ON "meetings" USING btree ("series_id","meeting_date");--> statement-breakpoint
-- The offices that usually chair a state's reviews (the secretariat adds others at /series).
INSERT INTO "offices" ("code", "name_en", "name_hi") VALUES
  ('CM', 'Chief Minister', 'मुख्यमंत्री'),
  ('CS', 'Chief Secretary', 'मुख्य सचिव'),
  ('ACS_HOME', 'Additional Chief Secretary, Home', 'अतिरिक्त मुख्य सचिव, गृह'),
  ('DGP', 'Director General of Police', 'पुलिस महानिदेशक');--> statement-breakpoint
-- Every other chair typed so far becomes one office per spelling folded to lower case with single
-- spaces (the English name, or the Hindi one where no English was typed).
INSERT INTO "offices" ("code", "name_en", "name_hi")
SELECT 'OFFICE_' || row_number() OVER (ORDER BY k.key), k.name_en, k.name_hi
FROM (
  SELECT lower(regexp_replace(btrim(CASE WHEN btrim(m.chair_en) <> '' THEN m.chair_en ELSE m.chair_hi END), '\s+', ' ', 'g')) AS key,
    min(regexp_replace(btrim(m.chair_en), '\s+', ' ', 'g')) AS name_en, min(regexp_replace(btrim(m.chair_hi), '\s+', ' ', 'g')) AS name_hi
  FROM "meetings" m
  WHERE btrim(m.chair_en) <> '' OR btrim(m.chair_hi) <> ''
  GROUP BY 1
) k
WHERE NOT EXISTS (
  SELECT 1 FROM "offices" o
  WHERE lower(o.name_en) = k.key OR lower(o.name_hi) = k.key
);--> statement-breakpoint
UPDATE "meetings" m SET "chair_office_id" = o.id
FROM "offices" o
WHERE lower(regexp_replace(btrim(CASE WHEN btrim(m.chair_en) <> '' THEN m.chair_en ELSE m.chair_hi END), '\s+', ' ', 'g'))
  IN (lower(o.name_en), lower(o.name_hi));
--> statement-breakpoint
-- The new tables change what cached pages show (decision 009), like the tables of 0008.
CREATE TRIGGER anupalan_notify_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offices"
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_notify_data_changed();--> statement-breakpoint
CREATE TRIGGER anupalan_notify_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meeting_series"
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_notify_data_changed();--> statement-breakpoint
CREATE TRIGGER anupalan_notify_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meeting_reviewed_directives"
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_notify_data_changed();

CREATE TABLE "trend_item_weeks" (
	"action_item_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"division_id" integer,
	"d_applicable" smallint NOT NULL,
	"d_done" smallint NOT NULL,
	"changes" smallint NOT NULL,
	CONSTRAINT "trend_item_weeks_action_item_id_week_start_pk" PRIMARY KEY("action_item_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "trend_weekly" (
	"week_start" date NOT NULL,
	"division_id" integer,
	"d_applicable" integer DEFAULT 0 NOT NULL,
	"d_done" integer DEFAULT 0 NOT NULL,
	"changes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "trend_weekly_week_division_key" UNIQUE NULLS NOT DISTINCT("week_start","division_id")
);

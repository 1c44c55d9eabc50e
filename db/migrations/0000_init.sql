CREATE TYPE "public"."action_status" AS ENUM('PENDING', 'IN_PROGRESS', 'COMPLETED', 'VERIFIED', 'NOT_APPLICABLE');--> statement-breakpoint
CREATE TYPE "public"."assignee_scope" AS ENUM('ALL', 'DIVISIONS', 'DISTRICTS');--> statement-breakpoint
CREATE TYPE "public"."district_role" AS ENUM('COLLECTOR', 'SP');--> statement-breakpoint
CREATE TYPE "public"."evidence_kind" AS ENUM('FILE', 'LINK');--> statement-breakpoint
CREATE TYPE "public"."extension_status" AS ENUM('PENDING', 'GRANTED', 'REFUSED');--> statement-breakpoint
CREATE TYPE "public"."history_kind" AS ENUM('CREATED', 'STATUS_CHANGED', 'REMARK', 'VERIFIED', 'RETURNED', 'NOT_APPLICABLE_REJECTED', 'DUE_DATE_CHANGED', 'EXTENSION_REQUESTED', 'EXTENSION_GRANTED', 'EXTENSION_REFUSED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."meeting_mode" AS ENUM('VIDEO_CONFERENCE', 'IN_PERSON', 'HYBRID');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('DRAFT', 'PUBLISHED');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('NORMAL', 'HIGH');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('ADMIN', 'SECRETARIAT', 'OFFICIAL', 'DISTRICT_OFFICER', 'DEPARTMENT_OFFICER');--> statement-breakpoint
CREATE TABLE "categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	CONSTRAINT "districts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"state_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	CONSTRAINT "divisions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "states" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	CONSTRAINT "states_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip" text NOT NULL,
	"username" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"district_id" integer,
	"district_role" "district_role",
	"department_id" integer,
	"disabled_at" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_scope_matches_role" CHECK (("users"."role" <> 'DISTRICT_OFFICER' OR ("users"."district_id" IS NOT NULL AND "users"."district_role" IS NOT NULL))
      AND ("users"."role" <> 'DEPARTMENT_OFFICER' OR "users"."department_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "directive_assignee_districts" (
	"assignee_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	CONSTRAINT "directive_assignee_districts_assignee_id_district_id_pk" PRIMARY KEY("assignee_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "directive_assignee_divisions" (
	"assignee_id" integer NOT NULL,
	"division_id" integer NOT NULL,
	CONSTRAINT "directive_assignee_divisions_assignee_id_division_id_pk" PRIMARY KEY("assignee_id","division_id")
);
--> statement-breakpoint
CREATE TABLE "directive_assignees" (
	"id" serial PRIMARY KEY NOT NULL,
	"directive_id" integer NOT NULL,
	"district_role" "district_role",
	"scope" "assignee_scope",
	"department_id" integer,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	CONSTRAINT "directive_assignees_one_kind" CHECK (("directive_assignees"."district_role" IS NOT NULL AND "directive_assignees"."scope" IS NOT NULL AND "directive_assignees"."department_id" IS NULL)
       OR ("directive_assignees"."district_role" IS NULL AND "directive_assignees"."scope" IS NULL AND "directive_assignees"."department_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"number" integer NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"text_hi" text DEFAULT '' NOT NULL,
	"category_id" integer,
	"priority" "priority" DEFAULT 'NORMAL' NOT NULL,
	"due_date" date,
	"due_in_days" integer,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directives_meeting_number_uq" UNIQUE NULLS NOT DISTINCT("meeting_id","number"),
	CONSTRAINT "directives_has_text" CHECK ("directives"."text_en" <> '' OR "directives"."text_hi" <> '')
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"title_hi" text DEFAULT '' NOT NULL,
	"meeting_date" date NOT NULL,
	"date_approximate" boolean DEFAULT false NOT NULL,
	"start_time" time,
	"mode" "meeting_mode" DEFAULT 'VIDEO_CONFERENCE' NOT NULL,
	"chair_en" text DEFAULT '' NOT NULL,
	"chair_hi" text DEFAULT '' NOT NULL,
	"participants_en" text DEFAULT '' NOT NULL,
	"participants_hi" text DEFAULT '' NOT NULL,
	"called_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"reference_no" text,
	"status" "meeting_status" DEFAULT 'DRAFT' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_id" integer,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_has_title" CHECK ("meetings"."title_en" <> '' OR "meetings"."title_hi" <> '')
);
--> statement-breakpoint
CREATE TABLE "action_item_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_item_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"kind" "history_kind" NOT NULL,
	"from_status" "action_status",
	"to_status" "action_status" NOT NULL,
	"from_due_date" date,
	"to_due_date" date,
	"remark" text,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"directive_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"assignee_id" integer,
	"district_id" integer,
	"division_id" integer,
	"district_role" "district_role",
	"department_id" integer,
	"status" "action_status" DEFAULT 'PENDING' NOT NULL,
	"due_date" date,
	"original_due_date" date,
	"latest_remark" text,
	"first_completed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_one_assignee" CHECK (("action_items"."district_id" IS NOT NULL AND "action_items"."district_role" IS NOT NULL AND "action_items"."department_id" IS NULL)
       OR ("action_items"."district_id" IS NULL AND "action_items"."district_role" IS NULL AND "action_items"."department_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_item_id" integer NOT NULL,
	"history_id" integer,
	"kind" "evidence_kind" NOT NULL,
	"file_name" text,
	"content_type" text,
	"size_bytes" integer,
	"sha256" text,
	"content" "bytea",
	"url" text,
	"uploaded_by_id" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_file_or_link" CHECK (("evidence"."kind" = 'FILE' AND "evidence"."content" IS NOT NULL) OR ("evidence"."kind" = 'LINK' AND "evidence"."url" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_item_id" integer NOT NULL,
	"requested_by_id" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_due_date" date,
	"requested_due_date" date NOT NULL,
	"reason" text NOT NULL,
	"status" "extension_status" DEFAULT 'PENDING' NOT NULL,
	"decided_by_id" integer,
	"decided_at" timestamp with time zone,
	"decision_remark" text
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_username" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" text,
	"user_agent" text,
	"details" jsonb
);
--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_division_id_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_state_id_states_id_fk" FOREIGN KEY ("state_id") REFERENCES "public"."states"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_assignee_districts" ADD CONSTRAINT "directive_assignee_districts_assignee_id_directive_assignees_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."directive_assignees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_assignee_districts" ADD CONSTRAINT "directive_assignee_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_assignee_divisions" ADD CONSTRAINT "directive_assignee_divisions_assignee_id_directive_assignees_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."directive_assignees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_assignee_divisions" ADD CONSTRAINT "directive_assignee_divisions_division_id_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_assignees" ADD CONSTRAINT "directive_assignees_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_assignees" ADD CONSTRAINT "directive_assignees_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_history" ADD CONSTRAINT "action_item_history_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_history" ADD CONSTRAINT "action_item_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_assignee_id_directive_assignees_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."directive_assignees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_division_id_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_ip_failed_idx" ON "login_attempts" USING btree ("ip","attempted_at") WHERE NOT "login_attempts"."succeeded";--> statement-breakpoint
CREATE INDEX "login_attempts_username_failed_idx" ON "login_attempts" USING btree ("username","attempted_at") WHERE NOT "login_attempts"."succeeded";--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "directive_assignees_directive_idx" ON "directive_assignees" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("meeting_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "action_item_history_item_idx" ON "action_item_history" USING btree ("action_item_id","at");--> statement-breakpoint
CREATE INDEX "action_item_history_at_idx" ON "action_item_history" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_directive_district_uq" ON "action_items" USING btree ("directive_id","district_id","district_role") WHERE "action_items"."district_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_directive_department_uq" ON "action_items" USING btree ("directive_id","department_id") WHERE "action_items"."department_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "action_items_my_district_idx" ON "action_items" USING btree ("district_id","district_role","due_date") WHERE "action_items"."withdrawn_at" IS NULL AND "action_items"."district_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "action_items_my_department_idx" ON "action_items" USING btree ("department_id","due_date") WHERE "action_items"."withdrawn_at" IS NULL AND "action_items"."department_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "action_items_meeting_status_idx" ON "action_items" USING btree ("meeting_id","status") WHERE "action_items"."withdrawn_at" IS NULL;--> statement-breakpoint
CREATE INDEX "action_items_division_district_idx" ON "action_items" USING btree ("division_id","district_id","status") WHERE "action_items"."withdrawn_at" IS NULL;--> statement-breakpoint
CREATE INDEX "action_items_open_due_idx" ON "action_items" USING btree ("due_date") WHERE "action_items"."withdrawn_at" IS NULL AND "action_items"."status" IN ('PENDING', 'IN_PROGRESS');--> statement-breakpoint
CREATE INDEX "action_items_verify_queue_idx" ON "action_items" USING btree ("completed_at") WHERE "action_items"."withdrawn_at" IS NULL AND "action_items"."status" = 'COMPLETED';--> statement-breakpoint
CREATE INDEX "action_items_directive_idx" ON "action_items" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "evidence_item_idx" ON "evidence" USING btree ("action_item_id");--> statement-breakpoint
CREATE INDEX "extension_requests_pending_idx" ON "extension_requests" USING btree ("requested_at") WHERE "extension_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "extension_requests_item_idx" ON "extension_requests" USING btree ("action_item_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" USING btree ("action","at");
-- Every committed change to what the pages show sends one notification on the channel
-- anupalan_data_changed; the server's page cache (app/utils/page-cache.server.ts, decision 009)
-- drops its pages when one arrives. PostgreSQL delivers a notification only when its transaction
-- commits (never for a rollback) and sends identical ones once per transaction, so a bulk change is
-- one message. Left out: sessions, login_attempts and audit_log (written by page views and sign-ins;
-- no cached page shows them) and the trend summaries (written only by triggers on the tables here).
CREATE OR REPLACE FUNCTION anupalan_notify_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('anupalan_data_changed', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'action_item_history', 'action_items', 'categories', 'departments', 'directive_assignee_districts',
    'directive_assignee_divisions', 'directive_assignees', 'directives', 'districts', 'divisions', 'evidence',
    'extension_requests', 'meetings', 'states', 'users'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER anupalan_notify_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION anupalan_notify_data_changed()', t);
  END LOOP;
END;
$$;

-- The audit log is append-only: the database itself refuses to rewrite history.
CREATE TRIGGER IF NOT EXISTS audit_events_no_update
BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS audit_events_no_delete
BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
-- Signatures are never changed either; a later edit makes them void by hash, not by update.
CREATE TRIGGER IF NOT EXISTS signoffs_no_update
BEFORE UPDATE ON signoffs
BEGIN
  SELECT RAISE(ABORT, 'signoffs are immutable');
END;

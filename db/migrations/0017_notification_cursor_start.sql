-- Custom migration (hand-written): an installation that already has a log starts its
-- notification cursor at the newest event, so upgrading never mails about its whole history.
-- An empty database (a new install, the demo) starts at 0 and notices everything that follows.
INSERT INTO `log_cursors` (`consumer`, `last_event_id`, `updated_at`)
SELECT 'notifications', COALESCE(MAX(`id`), 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `audit_events`;

-- Hand-written: meetings planned before they had an end get start + 2 hours (ISO 8601 UTC, like starts_at).
-- Existing agenda items that concern a point become kind 'punt'; the rest stay 'overig'.
UPDATE `meetings` SET `ends_at` = strftime('%Y-%m-%dT%H:%M:%fZ', `starts_at`, '+2 hours') WHERE `ends_at` = '';
--> statement-breakpoint
UPDATE `agenda_items` SET `kind` = 'punt' WHERE `point_id` IS NOT NULL;

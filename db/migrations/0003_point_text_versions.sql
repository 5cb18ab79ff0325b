CREATE TABLE `point_text_versions` (
	`point_id` text NOT NULL,
	`text_hash` text NOT NULL,
	`json` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`point_id`, `text_hash`),
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The text a party signed must stay exactly what it was: versions are insert-only.
CREATE TRIGGER IF NOT EXISTS point_text_versions_no_update
BEFORE UPDATE ON point_text_versions
BEGIN
  SELECT RAISE(ABORT, 'point_text_versions are immutable');
END;

CREATE TABLE `sync_quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`source` text NOT NULL,
	`source_id` integer NOT NULL,
	`update` blob NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_quarantine_source_idx` ON `sync_quarantine` (`doc_name`,`source`,`source_id`);
CREATE TABLE `plan_screenings` (
	`version_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`algorithm_version` integer NOT NULL,
	`result` text NOT NULL,
	`screened_at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_screenings_ws_idx` ON `plan_screenings` (`workspace_id`);--> statement-breakpoint
ALTER TABLE `bespreekpunten` ADD `plan_version_id` text REFERENCES plan_versions(id);
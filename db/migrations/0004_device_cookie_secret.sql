CREATE TABLE `instance_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `login_attempts_email_idx`;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `device_id` text;--> statement-breakpoint
CREATE INDEX `login_attempts_pair_idx` ON `login_attempts` (`email`,`ip`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_device_idx` ON `login_attempts` (`email`,`device_id`,`at`);
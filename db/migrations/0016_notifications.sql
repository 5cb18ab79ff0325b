CREATE TABLE `log_cursors` (
	`consumer` text PRIMARY KEY NOT NULL,
	`last_event_id` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`event_id` integer,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`title` text NOT NULL,
	`reason` text NOT NULL,
	`path` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	`channel` text NOT NULL,
	`mailed_at` text,
	`mail_id` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_uq` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_digest_idx` ON `notifications` (`channel`,`mailed_at`);--> statement-breakpoint
CREATE TABLE `scheduled_runs` (
	`job` text NOT NULL,
	`period` text NOT NULL,
	`ran_at` text NOT NULL,
	PRIMARY KEY(`job`, `period`)
);
--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `list_unsubscribe` text;
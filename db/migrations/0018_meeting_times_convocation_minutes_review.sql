CREATE TABLE `minutes_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`text_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_agreements_uq` ON `minutes_agreements` (`meeting_id`,`organisation_id`,`text_hash`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `kind` text DEFAULT 'overig' NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `minutes_of_meeting_id` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `ends_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `online_url` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `convocation_sequence` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `convened_at` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes_review_hash` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `attachments` text;
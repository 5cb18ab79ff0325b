CREATE TABLE `minutes_amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`seq` integer NOT NULL,
	`reason` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_by_name` text NOT NULL,
	`opened_at` text NOT NULL,
	`from_hash` text NOT NULL,
	`closed_by` text,
	`closed_by_name` text,
	`closed_at` text,
	`to_hash` text,
	`changes` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `amendments_meeting_seq_uq` ON `minutes_amendments` (`meeting_id`,`seq`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `text_json` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `decided_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `point_status_before` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `point_status_after` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `created_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting_attendance` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `attendance_meeting_idx` ON `meeting_attendance` (`meeting_id`,`position`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes_approved_json` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `created_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `updated_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `procedure_steps` ADD `meeting_id` text REFERENCES meetings(id);--> statement-breakpoint
ALTER TABLE `procedure_steps` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `procedure_steps` ADD `created_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `procedure_steps` ADD `updated_at` text DEFAULT '' NOT NULL;
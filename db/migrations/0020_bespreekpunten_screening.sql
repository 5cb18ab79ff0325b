CREATE TABLE `bespreekpunt_agenda_items` (
	`bespreekpunt_id` text NOT NULL,
	`agenda_item_id` text NOT NULL,
	PRIMARY KEY(`bespreekpunt_id`, `agenda_item_id`),
	FOREIGN KEY (`bespreekpunt_id`) REFERENCES `bespreekpunten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bespreekpunt_points` (
	`bespreekpunt_id` text NOT NULL,
	`point_id` text NOT NULL,
	PRIMARY KEY(`bespreekpunt_id`, `point_id`),
	FOREIGN KEY (`bespreekpunt_id`) REFERENCES `bespreekpunten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bespreekpunten` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`standard_key` text,
	`source` text NOT NULL,
	`group_label` text NOT NULL,
	`title` text NOT NULL,
	`question` text NOT NULL,
	`asked_by` text NOT NULL,
	`lead_party_id` text,
	`theme` text,
	`status` text DEFAULT 'niet_besproken' NOT NULL,
	`plan_section_id` text,
	`position` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_party_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bespreekpunten_ws_idx` ON `bespreekpunten` (`workspace_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `bespreekpunten_ws_standard_uq` ON `bespreekpunten` (`workspace_id`,`standard_key`);--> statement-breakpoint
CREATE TABLE `screening_opinions` (
	`workspace_id` text NOT NULL,
	`plan_version_id` text NOT NULL,
	`theme_key` text NOT NULL,
	`party_id` text NOT NULL,
	`score` integer NOT NULL,
	`reason` text NOT NULL,
	`quote` text,
	`set_by` text,
	`set_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `plan_version_id`, `theme_key`, `party_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);

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

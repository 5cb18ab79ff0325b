-- Hand-edited: the copy leaves out opinions on a version that does not exist (none can be made
-- through the verbs; the migrator runs with foreign keys off, so they would stay as violations).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_screening_opinions` (
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
	FOREIGN KEY (`plan_version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_screening_opinions`("workspace_id", "plan_version_id", "theme_key", "party_id", "score", "reason", "quote", "set_by", "set_at") SELECT "workspace_id", "plan_version_id", "theme_key", "party_id", "score", "reason", "quote", "set_by", "set_at" FROM `screening_opinions` WHERE "plan_version_id" IN (SELECT "id" FROM `plan_versions`);--> statement-breakpoint
DROP TABLE `screening_opinions`;--> statement-breakpoint
ALTER TABLE `__new_screening_opinions` RENAME TO `screening_opinions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;
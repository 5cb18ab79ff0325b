CREATE TABLE `account_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_hash_uq` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_user_idx` ON `account_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `instance_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`granted_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instance_roles_user_role_uq` ON `instance_roles` (`user_id`,`role`);--> statement-breakpoint
CREATE TABLE `workspace_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`organisation_id` text,
	`title` text NOT NULL,
	`period_start` integer NOT NULL,
	`period_end` integer NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`version_label` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workspace_plans_ws_idx` ON `workspace_plans` (`workspace_id`,`position`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `subtype` text;--> statement-breakpoint
ALTER TABLE `workspace_parties` ADD `left_at` text;--> statement-breakpoint
ALTER TABLE `workspace_themes` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `parent_workspace_id` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `previous_workspace_id` text;--> statement-breakpoint
-- Data (hand-written, ADR 0010): the single plan of each existing tafel becomes its first row in
-- workspace_plans, owned by the tafel's first SWV (ondersteuningsplan) or first gemeente (jeugdplan),
-- before the old columns go.
INSERT INTO `workspace_plans` (`id`, `workspace_id`, `kind`, `organisation_id`, `title`, `period_start`, `period_end`, `status`, `version_label`, `position`, `created_at`, `updated_at`)
SELECT 'plan-' || w.`id`, w.`id`, w.`plan_type`,
  (SELECT o.`id` FROM `workspace_parties` wp INNER JOIN `organisations` o ON o.`id` = wp.`organisation_id`
    WHERE wp.`workspace_id` = w.`id` AND o.`kind` = (CASE w.`plan_type` WHEN 'jeugdplan' THEN 'gemeente' ELSE 'swv' END)
    ORDER BY wp.`position` LIMIT 1),
  w.`plan_title`, w.`period_start`, w.`period_end`, 'in_bespreking', w.`plan_version`, 0, w.`created_at`, w.`created_at`
FROM `workspaces` w;
--> statement-breakpoint
-- The standard six become rows of every existing tafel, ahead of the tafel's own themes.
UPDATE `workspace_themes` SET `position` = `position` + 6;
--> statement-breakpoint
INSERT OR IGNORE INTO `workspace_themes` (`workspace_id`, `key`, `label`, `description`, `position`)
SELECT w.`id`, s.`key`, s.`label`, s.`description`, s.`position` FROM `workspaces` w CROSS JOIN (
  SELECT 'jeugdhulp' AS `key`, 'Jeugdhulp' AS `label`, 'Jeugdhulp in en om de school, vroegsignalering en één gezin, één plan.' AS `description`, 0 AS `position`
  UNION ALL SELECT 'leerlingenvervoer', 'Leerlingenvervoer', 'Vervoer naar de dichtstbijzijnde toegankelijke school en de gevolgen van plaatsingen.', 1
  UNION ALL SELECT 'onderwijshuisvesting', 'Onderwijshuisvesting', 'Huisvesting van voorzieningen en tussenvoorzieningen, afstemming met het IHP.', 2
  UNION ALL SELECT 'leerplicht_thuiszitters', 'Leerplicht en thuiszitters', 'Verzuim, doorzettingsmacht en een passend aanbod binnen drie maanden.', 3
  UNION ALL SELECT 'doorgaande_lijn', 'Doorgaande lijn', 'Overgangen voorschool, po, vo en mbo, met warme overdracht.', 4
  UNION ALL SELECT 'onderwijs_arbeidsmarkt', 'Onderwijs en arbeidsmarkt', 'Aansluiting van pro en vso op werk en dagbesteding.', 5
) s;
--> statement-breakpoint
ALTER TABLE `workspaces` DROP COLUMN `plan_type`;--> statement-breakpoint
ALTER TABLE `workspaces` DROP COLUMN `plan_title`;--> statement-breakpoint
ALTER TABLE `workspaces` DROP COLUMN `plan_version`;--> statement-breakpoint
ALTER TABLE `workspaces` DROP COLUMN `period_start`;--> statement-breakpoint
ALTER TABLE `workspaces` DROP COLUMN `period_end`;--> statement-breakpoint
ALTER TABLE `points` ADD `origin_point_id` text;
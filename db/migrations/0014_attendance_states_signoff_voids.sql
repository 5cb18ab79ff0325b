CREATE TABLE `signoff_voids` (
	`signoff_id` text PRIMARY KEY NOT NULL,
	`point_id` text NOT NULL,
	`reason` text NOT NULL,
	`voided_by` text NOT NULL,
	`voided_at` text NOT NULL,
	FOREIGN KEY (`signoff_id`) REFERENCES `signoffs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`point_id`) REFERENCES `points`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `meeting_attendance` ADD `attendance` text DEFAULT 'aanwezig' NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting_attendance` ADD `substitute` text;--> statement-breakpoint
ALTER TABLE `meeting_attendance` ADD `mandate` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written data migration (issue 13): existing attendance rows only knew present/absent.
-- Absent becomes "afwezig" (whether they sent apologies was never recorded, so we do not claim
-- it); a present attendee of a signing party whose capacity names a bestuurlijk office gets the
-- mandate, so decisions on meetings already under way keep working.
UPDATE `meeting_attendance` SET `attendance` = CASE WHEN `present` = 1 THEN 'aanwezig' ELSE 'afwezig' END;--> statement-breakpoint
UPDATE `meeting_attendance` SET `mandate` = 1
WHERE `present` = 1
  AND `organisation_id` IN (SELECT `id` FROM `organisations` WHERE `kind` IN ('swv', 'gemeente'))
  AND (lower(`capacity`) LIKE '%wethouder%' OR lower(`capacity`) LIKE '%bestuurder%' OR lower(`capacity`) LIKE '%burgemeester%');

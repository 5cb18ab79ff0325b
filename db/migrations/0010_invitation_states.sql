ALTER TABLE `tafel_invitations` ADD `invited_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `tafel_invitations` ADD `opened_at` text;
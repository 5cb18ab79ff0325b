-- Before ADR 0005 an invitation created the membership at once and the person only set a
-- password later. Such pending people (an account without password) are not members any more:
-- their memberships become invitations of that tafel in the same role. The old links were
-- dropped with the old table, so these invitations start out expired ("verlopen"); the
-- beheerder withdraws and sends a new one. The token hash 'legacy:…' matches no SHA-256.
INSERT INTO `tafel_invitations` (`id`, `token_hash`, `workspace_id`, `email`, `name`, `role`, `organisation_id`, `title`, `created_at`, `expires_at`)
SELECT 'legacy-' || m.`id`, 'legacy:' || m.`id`, m.`workspace_id`, u.`email`, u.`name`, m.`role`, m.`organisation_id`, m.`title`, m.`created_at`, m.`created_at`
FROM `memberships` m INNER JOIN `users` u ON u.`id` = m.`user_id`
WHERE u.`password_hash` IS NULL;
--> statement-breakpoint
DELETE FROM `memberships` WHERE `user_id` IN (SELECT `id` FROM `users` WHERE `password_hash` IS NULL);
--> statement-breakpoint
-- An account without a password cannot log in; any session it has is not the owner's.
DELETE FROM `sessions` WHERE `user_id` IN (SELECT `id` FROM `users` WHERE `password_hash` IS NULL);

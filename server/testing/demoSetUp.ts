/**
 * Every demo member joined the demo tafel through an invitation, each with its mail in the outbox
 * (issue 10). Tests about the invitations and mails they make themselves leave those out.
 */
import { gt, notInArray } from "drizzle-orm";
import { auditEvents, invitations, mailOutbox } from "../../db/schema/index.ts";
import { DEMO_ACCOUNTS } from "../demo/demoAccounts.ts";
import { TAFEL_CREATED } from "../demo/demoStory.ts";

export const DEMO_EMAILS: readonly string[] = DEMO_ACCOUNTS.map((a) => a.email);
/** Where-clause: invitations not of the demo's set-up. */
export const notDemoInvitation = () => notInArray(invitations.email, [...DEMO_EMAILS]);
/** Where-clause: mails not of the demo's set-up. */
export const notDemoMail = () => notInArray(mailOutbox.toAddress, [...DEMO_EMAILS]);
/**
 * Where-clause: log events after the day the demo tafel was set up. Its invitations and joins are
 * all on that day of its story; a test's own happen now.
 */
export const afterDemoSetUp = () => gt(auditEvents.at, `${TAFEL_CREATED.at.slice(0, 10)}T23:59:59.999Z`);

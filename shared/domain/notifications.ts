/**
 * Notifications: the kinds of "something waits for you", how each person wants to hear of them,
 * and the defaults. The server makes notices from the tafel's log (server/services/notifications);
 * the client shows the same labels on Mijn account → Meldingen.
 *
 * The inbox in the app always shows every notice; the channel says only how it is mailed:
 * never (no e-mail), immediate (one mail at once) or digest (in the daily overview).
 */
export const NOTIFICATION_KINDS = [
  "signature_requested",
  "signature_voided",
  "meeting_invitation",
  "minutes_to_review",
  "stance_requested",
  "comment_for_me",
  "deadline",
  "term_ending",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["never", "immediate", "digest"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export interface NotificationKindInfo {
  /** As on Mijn account and in the unsubscribe page: "Een verzoek om te ondertekenen". */
  label: string;
  /** When you get it, one sentence. */
  description: string;
  defaultChannel: NotificationChannel;
}

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, NotificationKindInfo> = {
  signature_requested: {
    label: "Verzoek om te ondertekenen",
    description: "Een punt wacht op de handtekening van u als bestuurder.",
    defaultChannel: "immediate",
  },
  signature_voided: {
    label: "Handtekening vervallen",
    description: "Een tekst die u (of uw partij) ondertekende, is heropend of gewijzigd.",
    defaultChannel: "immediate",
  },
  meeting_invitation: {
    label: "Uitnodiging voor een overleg",
    // The convocatie itself always comes by mail, with the calendar invitation and the agenda:
    // a second mail about the same thing is opt-in.
    description:
      "De secretaris nodigt u uit voor een overleg. De convocatie met agenda komt altijd per e-mail; dit is een extra melding.",
    defaultChannel: "never",
  },
  minutes_to_review: {
    label: "Verslag ter controle",
    description: "Het verslag van een overleg ligt klaar om te controleren.",
    defaultChannel: "immediate",
  },
  stance_requested: {
    label: "Standpunt van uw partij gevraagd",
    description: "Een punt is in bespreking en wacht op het standpunt van uw partij.",
    defaultChannel: "digest",
  },
  comment_for_me: {
    label: "Opmerking voor u of uw partij",
    description: "Iemand richt een opmerking aan u of uw partij.",
    defaultChannel: "digest",
  },
  deadline: {
    label: "Termijn in de procedure",
    description: "Een stap van de procedure moet binnenkort af, of is te laat.",
    defaultChannel: "digest",
  },
  term_ending: {
    label: "Looptijd van een afspraak loopt af",
    description: "Een afspraak loopt binnenkort af: vervallen laten of herzien?",
    defaultChannel: "digest",
  },
};

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  never: "Geen e-mail",
  immediate: "Direct een e-mail",
  digest: "In het dagelijkse overzicht",
};

/** Notices older than this when they are made are not mailed (only shown in the app): after a long outage, or a first start on an old log. */
export const MAIL_FRESHNESS_MS = 2 * 24 * 3600 * 1000;

/** The daily digest goes out at this hour, Europe/Amsterdam. */
export const DIGEST_HOUR = 7;

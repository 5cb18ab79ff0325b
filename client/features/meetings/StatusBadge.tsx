import type { JSX } from "solid-js";
import {
  MEETING_STATUS_LABELS,
  MINUTES_STATUS_LABELS,
  PROCEDURE_STEP_STATE_LABELS,
  type MeetingStatus,
  type MinutesStatus,
  type ProcedureStepState,
} from "../../../shared/domain/meetings.ts";

type Tone = "neutral" | "info" | "ok" | "warning" | "danger";
type Icon = "check" | "clock" | "alert" | "calendar" | "pencil" | "cross" | "lock";

// Functions, not elements: a Solid JSX element is one DOM node and can sit in one place only.
const PATHS: Record<Icon, () => JSX.Element> = {
  check: () => (
    <path
      d="M3 8.5l3 3 7-7"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  ),
  clock: () => (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6" />
      <path d="M8 4.5V8l2.5 1.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </>
  ),
  alert: () => (
    <>
      <path d="M8 1.8l6.6 12H1.4z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      <path d="M8 6.2v3.6M8 11.6v.2" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </>
  ),
  calendar: () => (
    <>
      <rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.6" />
      <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </>
  ),
  pencil: () => (
    <path
      d="M10.8 2.2l3 3-8.3 8.3H2.5v-3zM9.3 3.7l3 3"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linejoin="round"
    />
  ),
  cross: () => <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />,
  lock: () => (
    <>
      <rect x="3" y="7" width="10" height="7.5" rx="1.2" fill="none" stroke="currentColor" stroke-width="1.6" />
      <path d="M5.2 7V5a2.8 2.8 0 015.6 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
    </>
  ),
};

/**
 * A status shown as text AND icon, so it never depends on colour alone (WCAG 1.4.1).
 * `prefix` is read by screen readers only, e.g. "Notulen:".
 */
export function Badge(props: { tone: Tone; icon: Icon; children: string; prefix?: string }) {
  return (
    <span class={`oogo-badge oogo-badge--${props.tone}`}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        {PATHS[props.icon]()}
      </svg>
      {props.prefix ? <span class="oogo-visually-hidden">{props.prefix} </span> : null}
      {props.children}
    </span>
  );
}

const MEETING: Record<MeetingStatus, [Tone, Icon]> = {
  gepland: ["info", "calendar"],
  gehouden: ["ok", "check"],
  geannuleerd: ["neutral", "cross"],
};
export const MeetingStatusBadge = (props: { status: MeetingStatus }) => (
  <Badge tone={MEETING[props.status][0]} icon={MEETING[props.status][1]} prefix="Status:">
    {MEETING_STATUS_LABELS[props.status]}
  </Badge>
);

const MINUTES: Record<MinutesStatus, [Tone, Icon]> = {
  concept: ["neutral", "pencil"],
  vastgesteld: ["ok", "lock"],
  in_wijziging: ["warning", "pencil"],
  ter_vaststelling: ["warning", "lock"],
};
export const MinutesStatusBadge = (props: { status: MinutesStatus }) => (
  <Badge
    tone={MINUTES[props.status][0]}
    icon={MINUTES[props.status][1]}
  >{`Notulen: ${MINUTES_STATUS_LABELS[props.status].toLowerCase()}`}</Badge>
);

const STEP: Record<ProcedureStepState, [Tone, Icon]> = {
  gedaan: ["ok", "check"],
  te_laat: ["danger", "alert"],
  binnenkort: ["warning", "clock"],
  gepland: ["neutral", "calendar"],
};
export const StepStateBadge = (props: { state: ProcedureStepState; label?: string }) => (
  <Badge tone={STEP[props.state][0]} icon={STEP[props.state][1]}>
    {props.label ?? PROCEDURE_STEP_STATE_LABELS[props.state]}
  </Badge>
);

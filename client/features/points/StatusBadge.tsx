import { POINT_STATUS_INFO, type PointStatus, type StatusGroup } from "../../../shared/domain/pointStatus.ts";

/**
 * Every status group has a colour AND a shape, so the board and badges read without colour
 * (WCAG 1.4.1): open = empty circle, voorbereid = half circle, akkoord = check,
 * geschil = cross in a triangle, afgesloten = square with a dash.
 */
export function StatusGroupIcon(props: { group: StatusGroup; class?: string }) {
  return (
    <svg class={`oogo-status-icon ${props.class ?? ""}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      {props.group === "open" && <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" />}
      {props.group === "voorbereid" && (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M8 2 A6 6 0 0 1 8 14 Z" fill="currentColor" />
        </>
      )}
      {props.group === "akkoord" && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path
            d="M4.5 8.2 7 10.6 11.6 5.6"
            fill="none"
            stroke="#fff"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </>
      )}
      {props.group === "geschil" && (
        <>
          <path d="M8 1.2 15 14.5H1Z" fill="currentColor" />
          <path d="M8 6v4" stroke="#fff" stroke-width="2" stroke-linecap="round" />
          <circle cx="8" cy="12.2" r="1.1" fill="#fff" />
        </>
      )}
      {props.group === "afgesloten" && (
        <>
          <rect x="2" y="2" width="12" height="12" rx="2" fill="currentColor" />
          <path d="M5 8h6" stroke="#fff" stroke-width="2" stroke-linecap="round" />
        </>
      )}
    </svg>
  );
}

/** Status as text plus icon; the colour only repeats what the words say. */
export function StatusBadge(props: { status: PointStatus; large?: boolean }) {
  const info = () => POINT_STATUS_INFO[props.status];
  return (
    <span
      class={`oogo-status oogo-status--${info().group}${props.large ? " oogo-status--large" : ""}`}
      title={info().description}
    >
      <StatusGroupIcon group={info().group} />
      <span class="oogo-status__label">{info().label}</span>
    </span>
  );
}

/**
 * Toolbar icons: simple 20×20 strokes, decorative (the button carries the Dutch label).
 * Functions, not elements: a Solid element is one DOM node and can be mounted only once.
 */
const PATHS = {
  bold: () => (
    <text x="10" y="15.5" text-anchor="middle" font-size="15" font-weight="800" fill="currentColor" stroke="none">
      B
    </text>
  ),
  italic: () => (
    <text
      x="10"
      y="15.5"
      text-anchor="middle"
      font-size="15"
      font-style="italic"
      font-family="Georgia, serif"
      fill="currentColor"
      stroke="none"
    >
      I
    </text>
  ),
  bulletList: () => (
    <>
      <circle cx="4" cy="5" r="1.4" fill="currentColor" stroke="none" />
      <circle cx="4" cy="10" r="1.4" fill="currentColor" stroke="none" />
      <circle cx="4" cy="15" r="1.4" fill="currentColor" stroke="none" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </>
  ),
  orderedList: () => (
    <>
      <path d="M3 3.8l1.2-.8v4.5" stroke-width="1.2" />
      <path d="M2.6 9.6a1.2 1.2 0 1 1 2.1.9L2.6 12.6h2.5" stroke-width="1.2" />
      <path d="M2.7 14.3h2.2l-1.3 1.4a1.1 1.1 0 1 1-1 1.7" stroke-width="1.2" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </>
  ),
  link: () => (
    <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
  ),
  table: () => (
    <>
      <rect x="2.5" y="3.5" width="15" height="13" rx="1" />
      <path d="M2.5 8h15M2.5 12.3h15M7.5 3.5v13M12.5 3.5v13" />
    </>
  ),
  addRow: () => (
    <>
      <rect x="2.5" y="3" width="15" height="8" rx="1" />
      <path d="M2.5 7h15M10 13.5v5M7.5 16h5" />
    </>
  ),
  addColumn: () => (
    <>
      <rect x="3" y="2.5" width="8" height="15" rx="1" />
      <path d="M7 2.5v15M13.5 10h5M16 7.5v5" />
    </>
  ),
  deleteTable: () => (
    <>
      <rect x="2.5" y="3.5" width="15" height="13" rx="1" />
      <path d="M6.5 7.5l7 5M13.5 7.5l-7 5" />
    </>
  ),
  undo: () => <path d="M7 4L3 8l4 4M3 8h9a5 5 0 0 1 0 10H9" />,
  redo: () => <path d="M13 4l4 4-4 4M17 8H8a5 5 0 0 0 0 10h3" />,
  saved: () => <path d="M4 10.5l4 4 8-9" stroke-width="2.2" />,
  unsaved: () => (
    <>
      <circle cx="10" cy="10" r="7" />
      <path d="M10 6v4l3 2" />
    </>
  ),
  offline: () => (
    <>
      <path d="M5.5 15.5h8.5a3.5 3.5 0 0 0 .6-6.95A5 5 0 0 0 5.2 7.6 4 4 0 0 0 5.5 15.5z" />
      <path d="M3 3l14 14" />
    </>
  ),
  connecting: () => (
    <>
      <circle cx="5" cy="10" r="1.3" fill="currentColor" stroke="none" />
      <circle cx="10" cy="10" r="1.3" fill="currentColor" stroke="none" />
      <circle cx="15" cy="10" r="1.3" fill="currentColor" stroke="none" />
    </>
  ),
  readOnly: () => (
    <>
      <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
      <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
    </>
  ),
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; size?: number }) {
  return (
    <svg
      class="oogo-icon"
      viewBox="0 0 20 20"
      width={props.size ?? 20}
      height={props.size ?? 20}
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {PATHS[props.name]()}
    </svg>
  );
}

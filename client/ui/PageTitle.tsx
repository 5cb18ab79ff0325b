import { onMount } from "solid-js";

/**
 * The page's h1. It also sets the document title and takes focus after client-side navigation,
 * so screen-reader users hear where they landed (WCAG 2.4.2, 2.4.3).
 */
export function PageTitle(props: { children: string; lead?: string }) {
  let heading!: HTMLHeadingElement;
  onMount(() => {
    document.title = `${props.children} — OOGO Werkruimte`;
    if (document.activeElement === document.body || document.activeElement?.closest("nav"))
      heading.focus({ preventScroll: false });
  });
  return (
    <div class="oogo-page-title">
      <h1 class="utrecht-heading-1" tabindex="-1" ref={heading}>
        {props.children}
      </h1>
      {props.lead && <p class="utrecht-paragraph utrecht-paragraph--lead">{props.lead}</p>}
    </div>
  );
}

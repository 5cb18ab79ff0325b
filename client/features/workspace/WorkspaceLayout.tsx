import { A, useLocation, useParams, type RouteSectionProps } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { ROLE_LABELS, type Capability, type Role } from "../../../shared/domain/roles.ts";
import { ErrorAlert, Loading } from "../../ui/feedback.tsx";
import { useWorkspace, WorkspaceProvider } from "./WorkspaceContext.tsx";
import { dashboardApi } from "../../api/dashboard.ts";
import { createLiveResource } from "../../live/createLiveResource.ts";
import type { DashboardView } from "../../../shared/schemas/dashboard.ts";
import "./dashboard.css";

interface Tab {
  href: string;
  label: string;
  /** Shown only to roles with this capability. */
  requires?: Capability;
  end?: boolean;
  /** Which dashboard count this tab shows (what waits for me there). */
  count?: keyof DashboardView["counts"];
  /** Pages without a tab of their own that belong to this one (named on the folded tabs on a phone). */
  also?: string[];
}

/** The beheerder has no content.read (ADR 0005): they see the overview and Deelnemers only. */
const TABS: Tab[] = [
  { href: "", label: "Overzicht", end: true, count: "comments" },
  { href: "/plan", label: "Plan", requires: "content.read" },
  { href: "/spiegelparagraaf", label: "Spiegelparagraaf", requires: "content.read" },
  { href: "/bespreekpunten", label: "Bespreekpunten", requires: "content.read" },
  { href: "/overeenstemming", label: "Overeenstemming", requires: "content.read", count: "stance", also: ["/punten/"] },
  { href: "/te-ondertekenen", label: "Te ondertekenen", requires: "point.signoff", count: "toSign" },
  { href: "/vergaderingen", label: "Vergaderingen", requires: "content.read", count: "minutes" },
  { href: "/procedure", label: "Procedure", requires: "content.read", count: "steps" },
  { href: "/dossier", label: "Dossier", requires: "dossier.build" },
  { href: "/deelnemers", label: "Deelnemers", also: ["/uitgaande-email"] },
  { href: "/instellen", label: "Tafel instellen", requires: "tafel.manage" },
];

/**
 * The tabs. On a phone they fold behind one button that names the current part (a disclosure:
 * aria-expanded on the button, the list follows it in the DOM); from 48rem up the CSS shows the
 * list as tabs and hides the button.
 */
function WorkspaceNav() {
  const ws = useWorkspace();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );
  const base = () => `/tafels/${encodeURIComponent(ws.id())}`;
  // Counts on the tabs: what waits for me there (the Overzicht's own data, live).
  const [dashboard] = createLiveResource(() => ws.can("content.read") && ws.id(), dashboardApi.get, {
    entities: ["point", "meeting", "procedure", "comment"],
  });
  const countOf = (tab: Tab) => (tab.count && !dashboard.error ? (dashboard.latest?.counts[tab.count] ?? 0) : 0);
  const tabs = () => TABS.filter((t) => !t.requires || ws.can(t.requires));
  const current = () => {
    const path = location.pathname.replace(/\/$/, "");
    const under = (href: string) => path.startsWith(base() + href);
    const match = tabs().find((t) =>
      t.end ? path === base() : under(t.href) || (t.also ?? []).some((prefix) => under(prefix)),
    );
    return match?.label ?? "Onderdelen";
  };
  let toggle!: HTMLButtonElement;
  // Escape folds the list again and puts focus back on its button (as in a menu).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !open()) return;
    setOpen(false);
    toggle.focus();
  };
  return (
    <nav class="oogo-tabs" aria-label="Onderdelen van deze tafel" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        class="oogo-tabs__toggle"
        aria-expanded={open()}
        aria-controls="oogo-tabs-list"
        onClick={() => setOpen(!open())}
      >
        <span class="oogo-tabs__toggle-label">
          <span class="oogo-visually-hidden">Onderdeel: </span>
          {current()}
        </span>
        <span class="oogo-tabs__toggle-hint">
          Andere onderdelen
          <span class="oogo-tabs__chevron" aria-hidden="true" />
        </span>
      </button>
      <ul id="oogo-tabs-list" classList={{ "oogo-tabs__list--open": open() }}>
        <For each={tabs()}>
          {(tab) => (
            <li>
              <A
                href={`${base()}${tab.href}`}
                end={tab.end}
                activeClass="oogo-tabs__link--active"
                class="oogo-tabs__link"
              >
                {tab.label}
                <Show when={countOf(tab) > 0}>
                  <span class="oogo-tabs__count">
                    {countOf(tab)}
                    <span class="oogo-visually-hidden"> wachten op u</span>
                  </span>
                </Show>
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

/** Frame of every page of one tafel: its name, role, and the tabs. */
export function WorkspaceLayout(props: RouteSectionProps) {
  const params = useParams<{ id: string }>();
  return (
    <WorkspaceProvider id={params.id}>
      <WorkspaceFrame>{props.children}</WorkspaceFrame>
    </WorkspaceProvider>
  );
}

function WorkspaceFrame(props: { children: RouteSectionProps["children"] }) {
  const ws = useWorkspace();
  return (
    <Show
      when={!ws.workspace.error}
      fallback={<ErrorAlert error={ws.workspace.error as unknown} title="Deze tafel kon niet worden geopend" />}
    >
      <Show when={ws.workspace()} fallback={<Loading label="Tafel laden…" />}>
        {(w) => (
          <>
            <div class="oogo-workspace-header">
              <p class="oogo-workspace-header__name">{w().name}</p>
              <p class="oogo-workspace-header__role">
                U bent hier <strong>{roleLabel(w().role)}</strong>
                {w().party ? (
                  <>
                    {" "}
                    namens <strong>{w().party!.name}</strong>
                  </>
                ) : null}
              </p>
            </div>
            <WorkspaceNav />
            <div class="oogo-workspace-content">{props.children}</div>
          </>
        )}
      </Show>
    </Show>
  );
}

const roleLabel = (role: Role) => ROLE_LABELS[role].toLowerCase();

import { A, useParams, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { ROLE_LABELS, type Capability, type Role } from "../../../shared/domain/roles.ts";
import { ErrorAlert, Loading } from "../../ui/feedback.tsx";
import { useWorkspace, WorkspaceProvider } from "./WorkspaceContext.tsx";

interface Tab {
  href: string;
  label: string;
  /** Shown only to roles with this capability. */
  requires?: Capability;
  end?: boolean;
}

/** The beheerder has no content.read (ADR 0005): they see the overview and Deelnemers only. */
const TABS: Tab[] = [
  { href: "", label: "Overzicht", end: true },
  { href: "/spiegelparagraaf", label: "Spiegelparagraaf", requires: "content.read" },
  { href: "/bespreekpunten", label: "Bespreekpunten", requires: "content.read" },
  { href: "/overeenstemming", label: "Overeenstemming", requires: "content.read" },
  { href: "/te-ondertekenen", label: "Te ondertekenen", requires: "point.signoff" },
  { href: "/vergaderingen", label: "Vergaderingen", requires: "content.read" },
  { href: "/procedure", label: "Procedure", requires: "content.read" },
  { href: "/dossier", label: "Dossier", requires: "dossier.build" },
  { href: "/deelnemers", label: "Deelnemers" },
  { href: "/instellen", label: "Tafel instellen", requires: "tafel.manage" },
];

function WorkspaceNav() {
  const ws = useWorkspace();
  const base = () => `/tafels/${encodeURIComponent(ws.id())}`;
  return (
    <nav class="oogo-tabs" aria-label="Onderdelen van deze tafel">
      <ul>
        <For each={TABS.filter((t) => !t.requires || ws.can(t.requires))}>
          {(tab) => (
            <li>
              <A
                href={`${base()}${tab.href}`}
                end={tab.end}
                activeClass="oogo-tabs__link--active"
                class="oogo-tabs__link"
              >
                {tab.label}
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

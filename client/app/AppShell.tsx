import { A, useLocation, useNavigate, type RouteSectionProps } from "@solidjs/router";
import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { onUnauthenticated } from "../api/http.ts";
import { useSession } from "./session.tsx";
import { LiveAnnouncer, Loading } from "../ui/feedback.tsx";
import { clearLocalCopies, hasUnsavedLocalChanges } from "../collab/localCopies.ts";
import { refreshUnread, unread } from "../features/notifications/unread.ts";
import "../features/notifications/notifications.css";

const PUBLIC_PATHS = ["/inloggen", "/uitnodiging", "/wachtwoord", "/wachtwoord-vergeten", "/afmelden"];

/** Page frame (NL Design System page layout), plus the login guard for every non-public page. */
export function AppShell(props: RouteSectionProps) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const isPublic = () => PUBLIC_PATHS.includes(location.pathname);
  // On a phone the account links fold behind one "Menu" button (CSS shows them inline on wider screens).
  const [menuOpen, setMenuOpen] = createSignal(false);
  let menuButton!: HTMLButtonElement;
  createEffect(
    on(
      () => location.pathname,
      () => setMenuOpen(false),
      { defer: true },
    ),
  );

  const toLogin = () => {
    if (isPublic()) return;
    navigate(`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  };
  createEffect(() => {
    if (session.me.state === "ready" && session.me() === null) toLogin();
  });
  // The header's unread count: on every page change while signed in (live changes refresh it too).
  createEffect(() => {
    void location.pathname;
    if (session.me()) void refreshUnread();
  });
  // Another request found the session gone (expired, logged out elsewhere): re-check it once.
  onCleanup(onUnauthenticated(() => session.me() && void session.refresh()));

  const logout = async () => {
    if (
      hasUnsavedLocalChanges() &&
      !confirm(
        "Niet al uw wijzigingen zijn al op de server opgeslagen. Als u nu uitlogt, gaan ze verloren. Toch uitloggen?",
      )
    )
      return;
    await session.logout();
    void clearLocalCopies(); // no document text left behind on a shared computer (docs/adr/0001-save-state.md)
    navigate("/inloggen", { replace: true });
  };

  return (
    <div class="utrecht-page-layout oogo-page">
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        Naar de inhoud
      </a>
      <header class="utrecht-page-header oogo-header">
        <div class="oogo-header__inner">
          <A href="/" class="oogo-logo">
            <span class="oogo-logo__mark">OOGO</span>
            <span class="oogo-logo__text">Werkruimte</span>
          </A>
          <Show when={session.me()}>
            {(me) => (
              <div
                class="oogo-header__account"
                onKeyDown={(e) => {
                  if (e.key !== "Escape" || !menuOpen()) return;
                  setMenuOpen(false);
                  menuButton.focus();
                }}
              >
                <button
                  ref={menuButton}
                  type="button"
                  class="oogo-header__menu-button"
                  aria-expanded={menuOpen()}
                  aria-controls="oogo-account-menu"
                  onClick={() => setMenuOpen(!menuOpen())}
                >
                  <span class="oogo-header__menu-icon" aria-hidden="true" />
                  Menu
                  <Show when={(unread() ?? 0) > 0}>
                    <span class="oogo-header__count">
                      {unread()}
                      <span class="oogo-visually-hidden"> ongelezen meldingen</span>
                    </span>
                  </Show>
                </button>
                <div
                  id="oogo-account-menu"
                  class="oogo-header__user"
                  classList={{ "oogo-header__user--open": menuOpen() }}
                >
                  <Show when={me().instanceCapabilities.includes("instance.tafels.list")}>
                    <A href="/beheer" class="oogo-header__link">
                      Beheer
                    </A>
                  </Show>
                  <span class="oogo-header__who">
                    Ingelogd als <strong>{me().user.name}</strong>
                  </span>
                  <A href="/meldingen" class="oogo-header__link">
                    Meldingen
                    <Show when={(unread() ?? 0) > 0}>
                      <span class="oogo-header__count">
                        {unread()}
                        <span class="oogo-visually-hidden"> ongelezen</span>
                      </span>
                    </Show>
                  </A>
                  <A href="/account" class="oogo-header__link">
                    Mijn account
                  </A>
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--subtle oogo-header__logout"
                    onClick={() => void logout()}
                  >
                    Uitloggen
                  </button>
                </div>
              </div>
            )}
          </Show>
        </div>
      </header>
      <main id="main" class="utrecht-page-body oogo-main" tabindex="-1">
        <Show when={isPublic() || session.me()} fallback={<Loading label="Sessie controleren…" />}>
          {props.children}
        </Show>
      </main>
      <footer class="utrecht-page-footer oogo-footer">
        <p>
          OOGO Werkruimte — op overeenstemming gericht overleg tussen samenwerkingsverbanden passend onderwijs en
          gemeenten.
        </p>
      </footer>
      <LiveAnnouncer />
    </div>
  );
}

import { A, useNavigate } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { authApi } from "../api/endpoints.ts";
import { invitationApi } from "../api/members.ts";
import { formatDateTime } from "../../shared/domain/dates.ts";
import { ROLE_LABELS } from "../../shared/domain/roles.ts";
import { useSession } from "../app/session.tsx";
import { clearLocalCopies } from "../collab/localCopies.ts";
import { PageTitle } from "../ui/PageTitle.tsx";
import { ErrorAlert, Loading } from "../ui/feedback.tsx";

/** Kept for the round trip through the login page, so the token never travels in a URL query. */
const STORAGE_KEY = "oogo-uitnodiging";

function readToken(): string {
  const fromHash = location.hash.slice(1);
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? "";
}

/**
 * Landing page of an invitation link (`/uitnodiging#<token>`). The link is for one tafel in one
 * role (ADR 0005). Someone with an account accepts it while logged in; someone without one
 * chooses a password. The server decides which applies; this page offers both ways.
 */
export default function InvitationPage() {
  const session = useSession();
  const navigate = useNavigate();
  const token = readToken();
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  // Opening the link tells the inviter it arrived ("geopend") and tells us whom to greet.
  const [greeting] = createResource(
    () => token || false,
    (t) => invitationApi.open(t),
  );

  const run = async (password?: string) => {
    setError(null);
    setBusy(true);
    try {
      const { workspaceId } = await authApi.acceptInvitation(token, password);
      sessionStorage.removeItem(STORAGE_KEY);
      await session.refresh();
      navigate(`/tafels/${encodeURIComponent(workspaceId)}`, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submitPassword = (e: SubmitEvent) => {
    e.preventDefault();
    void run(password());
  };
  const logout = async () => {
    await session.logout();
    void clearLocalCopies();
  };

  return (
    <div class="oogo-narrow">
      <PageTitle lead="U bent uitgenodigd om deel te nemen aan een OOGO-tafel.">Uitnodiging aannemen</PageTitle>
      <Show
        when={token}
        fallback={
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content">
              <p class="utrecht-paragraph">
                Deze uitnodigingslink is onvolledig. Open de link uit de uitnodigingsmail opnieuw.
              </p>
            </div>
          </div>
        }
      >
        <Show
          when={!greeting.error}
          fallback={<ErrorAlert error={greeting.error as unknown} title="Deze uitnodiging werkt niet" />}
        >
          <Show when={greeting()} fallback={<Loading label="Uitnodiging openen…" />}>
            {(g) => (
              <section class="oogo-section" aria-labelledby="greeting-heading">
                <h2 class="utrecht-heading-2" id="greeting-heading">
                  Welkom, {g().name}
                </h2>
                <p class="utrecht-paragraph">
                  {g().inviterName ?? "De tafel"} nodigt u uit voor de OOGO-tafel <strong>{g().tafelName}</strong>.
                </p>
                <p class="utrecht-paragraph">
                  Uw rol: {ROLE_LABELS[g().role]}
                  {g().partyName ? `, namens ${g().partyName}` : ""}.
                </p>
                <p class="utrecht-paragraph oogo-muted">
                  De link werkt één keer en is geldig tot {formatDateTime(g().expiresAt)}.
                </p>
              </section>
            )}
          </Show>
          <Show when={error()}>
            <ErrorAlert error={error()} title="Aannemen lukte niet" />
          </Show>
          <Show
            when={greeting() && (session.me.state === "ready" || session.me.state === "errored")}
            fallback={
              <Show when={greeting()}>
                <Loading label="Sessie controleren…" />
              </Show>
            }
          >
            <Show
              when={session.me()}
              fallback={
                <>
                  <section class="oogo-section" aria-labelledby="account-heading">
                    <h2 class="utrecht-heading-2" id="account-heading">
                      Heeft u al een account?
                    </h2>
                    <p class="utrecht-paragraph">
                      Log in en neem daarna de uitnodiging aan. Uw wachtwoord blijft zoals het is.
                    </p>
                    <p class="utrecht-paragraph">
                      <A class="utrecht-link" href={`/inloggen?terug=${encodeURIComponent("/uitnodiging")}`}>
                        Inloggen om de uitnodiging aan te nemen
                      </A>
                    </p>
                  </section>
                  <section class="oogo-section" aria-labelledby="new-heading">
                    <h2 class="utrecht-heading-2" id="new-heading">
                      Nog geen account?
                    </h2>
                    <p class="utrecht-paragraph">
                      Kies een wachtwoord. Daarmee logt u voortaan in met het e-mailadres waarop u bent uitgenodigd.
                    </p>
                    <form class="utrecht-form" onSubmit={submitPassword}>
                      <div class="utrecht-form-field">
                        <div class="utrecht-form-field__label">
                          <label class="utrecht-form-label" for="new-password">
                            Nieuw wachtwoord (minstens 8 tekens)
                          </label>
                        </div>
                        <div class="utrecht-form-field__input">
                          <input
                            id="new-password"
                            type="password"
                            autocomplete="new-password"
                            minlength="8"
                            required
                            class="utrecht-textbox utrecht-textbox--html-input"
                            value={password()}
                            onInput={(e) => setPassword(e.currentTarget.value)}
                          />
                        </div>
                      </div>
                      <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy()}>
                        Wachtwoord opslaan en deelnemen
                      </button>
                    </form>
                  </section>
                </>
              }
            >
              {(me) => (
                <section class="oogo-section" aria-labelledby="accept-heading">
                  <h2 class="utrecht-heading-2" id="accept-heading">
                    Deelnemen als {me().user.name}
                  </h2>
                  <p class="utrecht-paragraph">
                    U bent ingelogd met <strong>{me().user.email}</strong>. De uitnodiging geldt alleen voor het
                    e-mailadres waarop u bent uitgenodigd. Is dat een ander adres? Log dan eerst uit.
                  </p>
                  <div class="utrecht-button-group">
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--primary-action"
                      disabled={busy()}
                      onClick={() => void run()}
                    >
                      Uitnodiging aannemen
                    </button>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      onClick={() => void logout()}
                    >
                      Uitloggen
                    </button>
                  </div>
                </section>
              )}
            </Show>
          </Show>
        </Show>
      </Show>
    </div>
  );
}

import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { accountApi } from "../api/tafels.ts";
import { useSession } from "../app/session.tsx";
import { PageTitle } from "../ui/PageTitle.tsx";
import { ErrorAlert } from "../ui/feedback.tsx";

/**
 * Landing page of a one-time account link (`/wachtwoord#<token>`): the first applicatiebeheerder's
 * link from `npm run admin -- create`, and later "Wachtwoord vergeten". The token stays in the
 * fragment, so it never reaches a server log or a Referer header.
 */
export default function PasswordLinkPage() {
  const session = useSession();
  const navigate = useNavigate();
  const token = location.hash.slice(1);
  const [password, setPassword] = createSignal("");
  const [repeat, setRepeat] = createSignal("");
  const [error, setError] = createSignal<unknown>(null);
  const [mismatch, setMismatch] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setMismatch(password() !== repeat());
    if (mismatch()) return;
    setBusy(true);
    try {
      await accountApi.setPassword(token, password());
      history.replaceState(null, "", "/wachtwoord");
      await session.refresh();
      const me = session.me();
      navigate(me?.instanceCapabilities.includes("instance.tafels.list") ? "/beheer" : "/", { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="oogo-narrow">
      <PageTitle lead="Kies het wachtwoord waarmee u voortaan inlogt.">Wachtwoord kiezen</PageTitle>
      <Show
        when={token}
        fallback={
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content">
              <p class="utrecht-paragraph">Deze link is onvolledig. Open de link opnieuw of vraag een nieuwe aan.</p>
            </div>
          </div>
        }
      >
        <Show when={error()}>
          <ErrorAlert error={error()} title="Wachtwoord opslaan lukte niet" />
        </Show>
        <form class="utrecht-form" onSubmit={submit}>
          <div class="utrecht-form-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="pw-new">
                Nieuw wachtwoord (minstens 8 tekens)
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input
                id="pw-new"
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
          <div class="utrecht-form-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="pw-repeat">
                Herhaal het wachtwoord
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input
                id="pw-repeat"
                type="password"
                autocomplete="new-password"
                minlength="8"
                required
                aria-invalid={mismatch() ? "true" : undefined}
                aria-describedby={mismatch() ? "pw-repeat-error" : undefined}
                class="utrecht-textbox utrecht-textbox--html-input"
                value={repeat()}
                onInput={(e) => setRepeat(e.currentTarget.value)}
              />
            </div>
            <Show when={mismatch()}>
              <p id="pw-repeat-error" class="utrecht-form-field-error-message">
                De twee wachtwoorden zijn niet gelijk.
              </p>
            </Show>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy()}>
            Wachtwoord opslaan en inloggen
          </button>
        </form>
      </Show>
    </div>
  );
}

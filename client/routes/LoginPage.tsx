import { useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiRequestError } from "../api/http.ts";
import { useSession } from "../app/session.tsx";
import { PageTitle } from "../ui/PageTitle.tsx";
import { errorMessage } from "../ui/feedback.tsx";

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ terug?: string }>();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [fieldErrors, setFieldErrors] = createSignal<{ email?: string; password?: string }>({});
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const errs: { email?: string; password?: string } = {};
    if (!/^\S+@\S+\.\S+$/.test(email().trim())) errs.email = "Vul een geldig e-mailadres in.";
    if (!password()) errs.password = "Vul uw wachtwoord in.";
    setFieldErrors(errs);
    setError(null);
    if (errs.email || errs.password) {
      document.getElementById(errs.email ? "email" : "password")?.focus();
      return;
    }
    setBusy(true);
    try {
      await session.login(email().trim(), password());
      const back = search.terug;
      navigate(back && back.startsWith("/") && !back.startsWith("//") ? back : "/", { replace: true });
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="oogo-narrow">
      <PageTitle lead="Log in om mee te schrijven aan de spiegelparagraaf en de overeenstemmingspunten van uw OOGO-tafel.">Inloggen</PageTitle>
      <Show when={error()}>
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__content"><p class="utrecht-paragraph">{error()}</p></div>
        </div>
      </Show>
      <form class="utrecht-form" onSubmit={(e) => void submit(e)} novalidate>
        <div class={`utrecht-form-field utrecht-form-field--text ${fieldErrors().email ? "utrecht-form-field--invalid" : ""}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="email">E-mailadres</label>
          </div>
          <Show when={fieldErrors().email}>
            <p class="utrecht-form-field-error-message" id="email-error">{fieldErrors().email}</p>
          </Show>
          <div class="utrecht-form-field__input">
            <input
              id="email" name="email" type="email" autocomplete="username" required
              class={`utrecht-textbox utrecht-textbox--html-input ${fieldErrors().email ? "utrecht-textbox--invalid" : ""}`}
              aria-invalid={fieldErrors().email ? "true" : undefined}
              aria-describedby={fieldErrors().email ? "email-error" : undefined}
              value={email()} onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class={`utrecht-form-field utrecht-form-field--text ${fieldErrors().password ? "utrecht-form-field--invalid" : ""}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="password">Wachtwoord</label>
          </div>
          <Show when={fieldErrors().password}>
            <p class="utrecht-form-field-error-message" id="password-error">{fieldErrors().password}</p>
          </Show>
          <div class="utrecht-form-field__input">
            <input
              id="password" name="password" type="password" autocomplete="current-password" required
              class={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password ${fieldErrors().password ? "utrecht-textbox--invalid" : ""}`}
              aria-invalid={fieldErrors().password ? "true" : undefined}
              aria-describedby={fieldErrors().password ? "password-error" : undefined}
              value={password()} onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy()} aria-busy={busy()}>
          {busy() ? "Bezig met inloggen…" : "Inloggen"}
        </button>
      </form>
    </div>
  );
}

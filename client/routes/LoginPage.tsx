import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { useSession } from "../app/session.tsx";
import { PageTitle } from "../ui/PageTitle.tsx";
import { createAction } from "../ui/createAction.ts";
import { ErrorSummary, Field } from "../ui/Field.tsx";
import { fieldError, InvalidInput } from "../ui/inputErrors.ts";

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ terug?: string }>();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const login = createAction(async (address: string, secret: string) => {
    const wrong: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(address)) wrong.email = "Vul een geldig e-mailadres in.";
    if (!secret) wrong.password = "Vul uw wachtwoord in.";
    if (Object.keys(wrong).length > 0) throw new InvalidInput(wrong);
    await session.login(address, secret);
    const back = search.terug;
    navigate(back && back.startsWith("/") && !back.startsWith("//") ? back : "/", { replace: true });
  });

  return (
    <div class="oogo-narrow">
      <PageTitle lead="Log in om mee te schrijven aan de spiegelparagraaf en de overeenstemmingspunten van uw OOGO-tafel.">
        Inloggen
      </PageTitle>
      <form
        class="utrecht-form"
        onSubmit={(e) => {
          e.preventDefault();
          void login.run(email().trim(), password());
        }}
        novalidate
      >
        <ErrorSummary error={login.error()} title="Inloggen lukte niet" />
        <Field id="email" label="E-mailadres" error={fieldError(login.error(), "email")}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autocomplete="username"
              required
              class="utrecht-textbox utrecht-textbox--html-input"
              value={email()}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="password" label="Wachtwoord" error={fieldError(login.error(), "password")}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autocomplete="current-password"
              required
              class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password"
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          disabled={login.busy()}
          aria-busy={login.busy()}
        >
          {login.busy() ? "Bezig met inloggen…" : "Inloggen"}
        </button>
      </form>
      <p class="utrecht-paragraph">
        <A href="/wachtwoord-vergeten" class="utrecht-link">
          Wachtwoord vergeten?
        </A>
      </p>
    </div>
  );
}

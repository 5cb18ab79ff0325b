import { A } from "@solidjs/router";
import { PageTitle } from "../ui/PageTitle.tsx";

export default function NotFoundPage() {
  return (
    <>
      <PageTitle>Pagina niet gevonden</PageTitle>
      <p class="utrecht-paragraph">
        Deze pagina bestaat niet (meer).{" "}
        <A class="utrecht-link" href="/">
          Ga naar uw OOGO-tafels
        </A>
        .
      </p>
    </>
  );
}

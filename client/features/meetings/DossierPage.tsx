import { PageTitle } from "../../ui/PageTitle.tsx";

// PLACEHOLDER: replaced by the feature's own page.
export default function DossierPage() {
  return <PageTitle>DossierPage</PageTitle>;
}

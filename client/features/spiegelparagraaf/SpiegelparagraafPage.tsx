import { PageTitle } from "../../ui/PageTitle.tsx";

// PLACEHOLDER: replaced by the feature's own page.
export default function SpiegelparagraafPage() {
  return <PageTitle>SpiegelparagraafPage</PageTitle>;
}

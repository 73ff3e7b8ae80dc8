import { localeRedirect } from "~/app/_components/locale-redirect";

export default async function AdminPage() {
  await localeRedirect("/admin/audit");
}

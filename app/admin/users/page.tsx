import { localeRedirect } from "~/app/_components/locale-redirect";

// Administrators manage roles on the secretariat's people page, beside suspensions.
export default async function AdminUsersPage() {
  await localeRedirect("/secretariat/users");
}

import { redirect } from "next/navigation";

// Administrators manage roles on the secretariat's people page, beside suspensions.
export default function AdminUsersPage() {
  redirect("/secretariat/users");
}

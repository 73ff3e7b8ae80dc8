import type { Messages } from "~/server/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}

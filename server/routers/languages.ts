// The forum's languages: a form checked in the browser finds its messages in the schema's English
// and asks here for them in the page's language (the locale its call names, as every call does).
import { localizeServerText } from "../i18n/server-text";
import { serverTextInput } from "../schemas/languages";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const languagesRouter = createTRPCRouter({
  serverText: publicProcedure("languages.serverText")
    .input(serverTextInput)
    .query(({ ctx, input }) => input.texts.map((text) => localizeServerText(text, ctx.locale))),
});

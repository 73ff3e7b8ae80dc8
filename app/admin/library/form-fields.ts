// The library forms' fields, in page order (shared by the server actions and the forms).
export const documentFields = ["key", "title", "issuer", "date", "reference", "status", "authorKind", "url"] as const;
export const normFields = ["documentKey", "label", "display", "text", "categories"] as const;
export const forumFields = ["id", "name", "kind", "date", "parties", "normType", "summary", "reference", "url"] as const;

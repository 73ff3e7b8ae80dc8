// The uptake form's fields, in page order (shared by the server action and the form).
export const uptakeFields = ["document", "forumId", "forum", "paragraph", "takenUpOn", "url", "parties"] as const;

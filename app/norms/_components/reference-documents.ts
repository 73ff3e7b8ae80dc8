// Keys of the five reference documents (db/reference-data), for the "cites" filter.
export const referenceDocuments = ["CoC", "USG", "UNGGE", "Tallinn", "MSFT"] as const;
export type ReferenceDocumentKey = (typeof referenceDocuments)[number];

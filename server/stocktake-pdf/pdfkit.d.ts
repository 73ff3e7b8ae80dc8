// pdfkit ships no types, and react-pdf's own do not describe the document class. Only what
// ./pdfkit-fonts.ts reaches is declared.
declare module "pdfkit" {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}

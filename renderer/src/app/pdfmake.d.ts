/** pdfmake's browser build and its Roboto fonts ship without types; this is the part used. */
declare module 'pdfmake/build/pdfmake' {
  import type { PdfMakeLike } from '../../../shared/plan/pdf/write-pdf';

  const pdfmake: PdfMakeLike & { addVirtualFileSystem(vfs: Record<string, string>): void };
  export default pdfmake;
}

declare module 'pdfmake/build/vfs_fonts' {
  const vfs: Record<string, string>;
  export default vfs;
}

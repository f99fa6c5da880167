/** File → Import → Terraform JSON…: the hook, its report dialog and the menu item's label. */
export { useTerraformImport } from './useTerraformImport';
export type { TerraformImport } from './useTerraformImport';
export { ImportReportDialog } from './ImportReportDialog';

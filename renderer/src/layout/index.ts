/** The window's layout: the right column's sections and the wide area beside it. */
export { SideColumn, type ColumnSection } from './SideColumn';
export { WideArea, WideAreaProvider, WideChartSlot, WIDE_CHART_TITLES } from './WideArea';
export {
  COLUMN_LAYOUT_KEY,
  COLUMN_SECTIONS,
  DEFAULT_COLUMN_LAYOUT,
  localStorageOrNone,
  readColumnLayout,
  writeColumnLayout,
  type ColumnLayout,
  type ColumnSectionId,
} from './column-layout';

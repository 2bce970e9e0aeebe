import { importReportView } from '../views/import-report-view';

/**
 * @deprecated Card data is shaped in views/, texts stay in i18n/: use `importReportView` from
 * views/import-report-view. Kept only while src/bot/handlers/import-plan.ts imports it from here.
 */
export const importReport = importReportView;

/** @deprecated Use `importReportText` from views/import-report-view. */
export { importReportText } from '../views/import-report-view';

import { welcomeView } from '../views/welcome-view';

/**
 * @deprecated Card data is shaped in views/, texts stay in i18n/ (greeting-texts.ts): use
 * `welcomeView` from views/welcome-view. Kept only while src/bot/handlers/install.ts imports it from here.
 */
export const welcomeTexts = welcomeView;

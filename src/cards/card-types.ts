/**
 * Small types shared by several cards' data. Every string in card data is final, localised text
 * (Swedish or English): the builders only lay it out. Actions carry the verb (cards/actions.ts) and
 * its data payload.
 */

export type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export interface CardAction {
  title: string;
  verb: string;
  /** The Action.Execute `data`; the builder adds `verb` next to it for the Action.Submit fallback. */
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive' | 'default';
}

export interface Notice {
  text: string;
  color: TextColor;
}

/** "Sida 2 av 5" with the buttons that are present; a card without paging has `pager: null`. */
export interface CardPager {
  text: string;
  previous: CardAction | null;
  next: CardAction | null;
}

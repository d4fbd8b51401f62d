// The build view's keys, one table for the handler, the footer and the help overlay.

export interface KeyHelp {
	readonly keys: string;
	readonly what: string;
	/** Shown in the footer only when this holds. */
	readonly when?: 'live' | 'finished' | 'always';
}

export const KEYS: readonly KeyHelp[] = [
	{keys: '↑↓/jk', what: 'move'},
	{keys: 'Enter', what: 'focus'},
	{keys: 'p', what: 'pin'},
	{keys: 'f', what: 'follow'},
	{keys: 'PgUp/PgDn', what: 'scroll log'},
	{keys: '/', what: 'search log'},
	{keys: 'x', what: 'cancel', when: 'live'},
	{keys: 'r', what: 'rebuild failed', when: 'finished'},
	{keys: 'q', what: 'back'},
	{keys: '?', what: 'help'},
];

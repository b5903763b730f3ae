/** What each kind of entry holds and how the record book shows it; see descriptions.ts. */
export * from './types';
export * from './entry-body';
export * from './descriptions';
export * from './entry-fields';
export * from './format';
export * from './format-value';

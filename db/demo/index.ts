/** The demo record book: a generator of realistic service calls, and a runner that feeds them to a service. */
export {
  generateDemoBook,
  demoDefaults,
  DEFAULT_ENTRIES,
  MAX_ENTRIES,
  SPAN_YEARS,
  type DemoOptions,
} from './generate-demo-book';
export { runDemo, type DemoCall, type RunDemoOptions } from './run-demo';
export type { DemoStep, Ref } from './demo-step';
export { DEMO_BOOK_OPTIONS } from './demo-book-options';
export { withDemoBook, demoDataDir, DEMO_FOLDER, type DemoServiceOptions } from './demo-books';

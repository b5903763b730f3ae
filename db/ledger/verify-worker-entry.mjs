// Worker entry when the app runs from source (tests, `npm run serve`, the CLI): TypeScript
// is compiled on the fly by tsx. Packaged builds bundle verify-worker.ts into one file
// and pass its path as `verifyWorker` instead (see scripts/build-app.ts).
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');

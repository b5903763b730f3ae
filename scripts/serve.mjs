// `npm run serve`: the same app in a browser (host/). Logic in scripts/serve-app.ts (TypeScript via tsx).
import { register } from 'tsx/esm/api';

register();
const { runServe } = await import('./serve-app.ts');
process.exitCode = await runServe();

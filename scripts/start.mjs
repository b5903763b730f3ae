// `npm start`: the desktop app in development. Logic in scripts/start-app.ts (TypeScript via tsx).
import { register } from 'tsx/esm/api';

register();
const { runStart, defaultStartDeps } = await import('./start-app.ts');
process.exitCode = await runStart(defaultStartDeps());

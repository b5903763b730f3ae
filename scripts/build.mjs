// `npm run build`: registers tsx so the build logic can be TypeScript (scripts/build-app.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./build-app.ts');
process.exitCode = await main(process.argv.slice(2));

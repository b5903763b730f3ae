#!/usr/bin/env node
// `logbook` (package.json bin): the record book on the command line. Logic in scripts/logbook/ (TypeScript via tsx).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./logbook/cli.ts');
process.exitCode = await main(process.argv.slice(2));

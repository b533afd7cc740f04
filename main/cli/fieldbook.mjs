#!/usr/bin/env node
// Runs the TypeScript command line from source: tsx compiles each module on first load (and caches it).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
await main();

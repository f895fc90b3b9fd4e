// `npm start`: installs what is missing, builds the H5 app if needed, then runs the local server in
// dev mode (demo users, dev clock; embedded store, demo data on first start) on loopback, port 3000.
import { ensureDependencies, ensureH5Build, run } from './setup.mjs';

ensureDependencies();
ensureH5Build();
run('npx', ['tsx', 'backend/server/main.ts', '--dev']);

// Start-up of the server (`npm start`): the same path as `muster serve`.
import { processIo } from './cli/cli-io.js';
import { runCli } from './cli/run-cli.js';

process.exitCode = await runCli(['serve'], process.env, processIo);

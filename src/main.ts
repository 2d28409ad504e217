// Start-up of the server (`npm start`): the same path as `muster serve`.
import { processIo } from './cli/cli-io.js';
import { runCli } from './cli/run-cli.js';

// eslint-disable-next-line no-restricted-syntax -- the composition root hands the environment to loadConfig once (docs/architecture.md)
process.exitCode = await runCli(['serve'], process.env, processIo);

// Entry point of the `muster` command (bin/muster.js imports the compiled dist/cli/main.js).
import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, processIo);

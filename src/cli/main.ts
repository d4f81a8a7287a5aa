import { processIo } from './CliIo.js';
import { runCli } from './runCli.js';

// The `idweave` executable (built to dist/cli.js): wiring only; the commands live beside this file.
process.exitCode = await runCli(process.argv.slice(2), processIo());

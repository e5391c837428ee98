export { CliError, type CliIo, EXIT, type ExitCode } from './cli-io.js';
export { runCli, USAGE } from './main.js';

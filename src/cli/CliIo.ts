/** Where a command writes, injected so commands run in tests without a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The stream behind `stderr`, for the progress bar; absent in tests (no bar). */
  readonly stderrStream?: NodeJS.WriteStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrStream: process.stderr,
    env: process.env,
  };
}

// A reader that closes the pipe early (`| head`, `| grep -m 1`, quitting `less`) wants no more output.
// Node ignores SIGPIPE, so the next write fails with EPIPE, an unhandled 'error' event: a stack trace
// and exit code 1 for a command that did nothing wrong. Here a closed stdout or stderr ends quietly
// instead: a command that only reads stops at once with exit code 0, as `cat` would be stopped by
// SIGPIPE; a command that changes the casebook finishes its work and stops writing to the closed pipe,
// so an `ingest | head` never leaves a batch half done because its reader left.

type Write = NodeJS.WriteStream['write'];

export interface ClosedPipeOptions {
  /** Stop the process at once (read commands) rather than finish the work silently. */
  exitAtOnce: boolean;
  /** How to stop (tests replace it). */
  exit?: (code: number) => void;
}

export function endQuietlyOnClosedPipe(options: ClosedPipeOptions, streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  for (const stream of streams) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
      // Whatever else the command writes there goes nowhere, without another error.
      stream.write = ((..._args: unknown[]) => true) as Write;
      if (options.exitAtOnce) exit(0);
    });
  }
}

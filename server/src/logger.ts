/** Minimal logging contract; secrets (passwords, tokens) are never passed to it. */

/** Where the server writes diagnostics. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

/** A logger writing timestamped lines to stderr (stdout is kept for the CLI's own output). */
export function consoleLogger(): Logger {
  const line = (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m, err) => line('error', err === undefined ? m : `${m}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

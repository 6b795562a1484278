/** Level-filtered logging over the platform's log sink. */
import type { LogLevel, LogSink } from '../platform';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** A logger bound to one client. */
export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

/** Creates a logger writing to `sink` the lines at `level` or above. */
export function createLogger(sink: LogSink | undefined, level: LogLevel, prefix = 'floo'): Logger {
  const at = (lvl: Exclude<LogLevel, 'off'>) => (message: string, data?: unknown) => {
    if (sink && RANK[lvl] >= RANK[level]) sink(lvl, `[${prefix}] ${message}`, data);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A LogSink writing to the host console. The core filters by level before calling it; the sink only
 * routes each level to the matching console method (WeChat DevTools and vConsole show them apart).
 */
import type { LogSink } from '../core/platform';

/** Creates a sink that prefixes every line with `tag`. */
export function createConsoleLog(tag = '[floo]'): LogSink {
  return (level, message, data) => {
    const write = level === 'error' ? console.error : level === 'warn' ? console.warn : level === 'info' ? console.info : console.debug;
    if (data === undefined) write.call(console, tag, message);
    else write.call(console, tag, message, data);
  };
}

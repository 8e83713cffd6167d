import { Redis } from 'ioredis';

/**
 * Checks that Redis answers at `url` within `timeoutMs`, so a command or worker says so in a line
 * rather than waiting: BullMQ's connections retry for ever. Resolves to null, or to what went wrong.
 */
export async function reachRedis(url: string, timeoutMs = 5000): Promise<string | null> {
  let client: Redis;
  try {
    client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  // the socket's error (ECONNREFUSED, ENOTFOUND) says more than the "Connection is closed." that follows
  let socketError: string | null = null;
  client.on('error', (error: Error) => (socketError ??= error.message));
  try {
    await client.connect();
    const reply = await client.ping();
    return reply === 'PONG' ? null : `unexpected reply to PING: ${reply}`;
  } catch (error) {
    return socketError ?? (error instanceof Error ? error.message : String(error));
  } finally {
    client.disconnect();
  }
}

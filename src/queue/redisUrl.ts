/** --redis URL: a redis:// or rediss:// URL. */
export function redisUrl(text: string): string | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { error: 'expected a URL such as redis://host:6379' };
  }
  return parsed.protocol === 'redis:' || parsed.protocol === 'rediss:' ? text : { error: 'expected a redis:// or rediss:// URL' };
}

/** Lists in words, for reasons and renderings that must stay short however many items there are. */

/** "a, b, c and 17 more": the first `limit` items named, the rest counted. */
export function someOf(items: readonly string[], limit: number): string {
  const rest = items.length - limit
  const named = items.slice(0, limit).join(', ')
  return rest > 0 ? `${named} and ${rest.toLocaleString('en-US')} more` : named
}

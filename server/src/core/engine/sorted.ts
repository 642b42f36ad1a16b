/** How many items of a list sorted by key have a key at or before `value` (binary search). */
export function countAtOrBefore<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (key(items[middle]) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

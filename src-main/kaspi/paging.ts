/**
 * Whether a page ends a paged Kaspi list (offer-view §4, the cabinet's own offers §6). With a
 * `total`, the pages it covers are read however short one of them is (a short page before the end
 * is not the end); an empty page still ends it (the list shrank while read). Without a total, only
 * a page shorter than asked ends it: a full page may have a next.
 */
export function isLastPage(page: number, size: number, received: number, total: number | null): boolean {
  if (received === 0) return true;
  if (total !== null) return (page + 1) * size >= total;
  return received < size;
}

// A web address's host name, as leak-site claims and notices give it (claims are matched to notices by it).

/** 'https://www.Example.co.jp/about' or 'example.co.jp' → 'example.co.jp'; null when it is no host name. */
export function hostOf(value: string): string | null {
  const v = value.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#:].*$/, '').replace(/^www\./, '').replace(/\.$/, '');
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(v) ? v : null;
}

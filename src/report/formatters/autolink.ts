// GFM turns bare URLs, `www.` names and e-mail addresses into live links with no brackets at
// all, so a creator called `https://evil.example/phish` would become a link in a consultant's
// report. A backslash before the one character that makes each of them a link keeps the text
// readable when rendered and stops the link: the renderer never sees `scheme:`, `www.` or `@`.

const URL_SCHEME = /(https?|ftps?|mailto|xmpp)(:)/gi;
const WWW_PREFIX = /(www)(\.)/gi;
const AT_SIGN = /@/g;

/** Text already escaped for Markdown, with every autolink GFM would find broken by an escape. */
export function neutraliseAutolinks(escaped: string): string {
  return escaped.replace(URL_SCHEME, '$1\\:').replace(WWW_PREFIX, '$1\\.').replace(AT_SIGN, '\\@');
}

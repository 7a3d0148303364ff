/**
 * Teams flattens a multi-line message in `activity.text` (line breaks become spaces or vanish) and
 * sends the message as written in a `text/html` attachment. To keep paragraphs, line breaks and
 * bullets exactly, the text is rebuilt from that HTML: blocks and <br> become line breaks, list
 * items get "• " or "1. ", links keep their text (and their address when it differs), entities are
 * decoded, and all other markup is dropped (it is never rendered, only read).
 */
const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = /^(p|div|ul|ol|li|h[1-6]|blockquote|pre|table|tr)$/;

export function textFromTeamsHtml(html: string, listMarkers = true): string {
  let out = '';
  const lists: { ordered: boolean; n: number }[] = [];
  const blockStarts: number[] = [];
  let href: string | undefined;
  let linkText = '';
  const newline = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  for (const token of html.split(/(<[^>]*>)/)) {
    if (!token.startsWith('<')) {
      const text = decodeEntities(token.replace(/[\r\n]+/g, ''));
      if (href !== undefined) linkText += text;
      else out += text;
      continue;
    }
    const match = /^<\s*(\/)?\s*([a-z0-9]+)([^>]*)>$/i.exec(token);
    if (!match) continue;
    const closing = !!match[1];
    const tag = match[2]!.toLowerCase();
    if (tag === 'br') out += '\n';
    else if (tag === 'a' && !closing) {
      href = /href\s*=\s*"([^"]*)"/i.exec(match[3] ?? '')?.[1];
      href = href === undefined ? '' : decodeEntities(href);
      linkText = '';
    } else if (tag === 'a' && closing) {
      out +=
        linkText && href && linkText !== href && !href.startsWith('mailto:')
          ? `${linkText} (${href})`
          : linkText;
      href = undefined;
    } else if (tag === 'ul' || tag === 'ol') {
      newline();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li' && !closing) {
      newline();
      const list = lists[lists.length - 1];
      if (list && listMarkers) out += list.ordered ? `${++list.n}. ` : '• ';
    } else if (BLOCK.test(tag)) {
      if (!closing) {
        newline();
        blockStarts.push(out.length);
      } else {
        // An empty paragraph (<p>&nbsp;</p>) is a blank line the person typed.
        const from = blockStarts.pop() ?? out.length;
        if (
          out
            .slice(from)
            .replace(/\u00a0/g, '')
            .trim() === ''
        )
          out = out.slice(0, from) + '\n';
        else newline();
      }
    }
  }
  return out
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/^\n+|\n+$/g, '');
}

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The message as the person wrote it: the HTML's text when it says the same as `activity.text`
 * apart from whitespace (so the HTML is trusted only for line breaks), otherwise `activity.text`.
 */
export function messageText(
  text: string,
  attachments: { contentType?: string; content?: unknown }[] | undefined,
): string {
  const html = attachments?.find((a) => a.contentType === 'text/html' && typeof a.content === 'string')
    ?.content as string | undefined;
  if (!html) return text;
  // Compared without the list markers this module adds, which activity.text does not have.
  return squash(textFromTeamsHtml(html, false)) === squash(text) ? textFromTeamsHtml(html) : text;
}

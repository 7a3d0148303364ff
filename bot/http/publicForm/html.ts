/**
 * The one way the public page puts text into HTML: every value interpolated into `html`…`` is
 * escaped, unless it is itself the result of `html` (already safe markup). User text is therefore
 * always shown verbatim: `<script>`, `{{x}}` and `${x}` are just characters on the page.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

type Part = SafeHtml | string | number | undefined | null | false | Part[];

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof SafeHtml) return part.value;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Multi-line user text as paragraphs-in-one: escaped, with its line breaks kept. */
export function multiline(text: string): SafeHtml {
  return new SafeHtml(
    text
      .split(/\r?\n/)
      .map((line) => escapeHtml(line))
      .join('<br>'),
  );
}

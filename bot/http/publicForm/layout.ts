import { createHash } from 'node:crypto';
import { LANGUAGES, type Lang } from '../../domain/i18n/language';
import { html, SafeHtml } from './html';
import { LANGUAGE_NAMES, webTexts } from './webTexts';

/**
 * The page shell: one small inline style sheet (no other requests, no script), a skip link, the
 * language switch, and the footer with the privacy and accessibility pages. Readable at 320 px
 * (400 % zoom) without horizontal scrolling; focus always visible.
 */
const CSS = `*{box-sizing:border-box}
body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;overflow-wrap:anywhere}
header,footer{background:#0b3b5c;color:#fff;padding:.75rem 1rem}
header a,footer a{color:#fff}
.wrap{max-width:44rem;margin:0 auto}
header .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;justify-content:space-between;align-items:center}
header nav ul,footer ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
main{display:block;padding:1rem}
a{color:#1a4fa0}
a:focus,button:focus,input:focus,textarea:focus,.skip:focus{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
.skip{position:absolute;left:-10000px}.skip:focus{position:static;display:inline-block;background:#ffbf47;color:#0b0c0c;padding:.5rem}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:1.5rem 0 .5rem}
.caption{color:#505a5f;margin:0}
.field{margin:0 0 1.5rem}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
fieldset{border:0;padding:0;margin:0 0 1.5rem;min-width:0}
.hint{color:#505a5f;margin:0 0 .4rem}
.err{color:#b3261e;font-weight:600;margin:0 0 .4rem}
input[type=text],input[type=email],input[type=tel],textarea{width:100%;font:inherit;padding:.4rem;border:2px solid #0b0c0c;border-radius:0}
textarea{min-height:10rem}
.invalid input[type=text],.invalid input[type=email],.invalid input[type=tel],.invalid textarea{border-color:#b3261e;border-width:3px}
.invalid{border-left:5px solid #b3261e;padding-left:.75rem}
.opt{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0}
.opt input{width:1.5rem;height:1.5rem;margin:.1rem 0 0;flex:none}
.opt label{font-weight:400;margin:0}
button{font:inherit;font-weight:600;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;padding:.6rem 1.2rem;cursor:pointer}
button.secondary{background:#e8e9ea;color:#0b0c0c;border-bottom-color:#929191}
.summary{border:4px solid #b3261e;padding:1rem;margin:0 0 1.5rem}
.summary h2{margin-top:0}
.panel{background:#00703c;color:#fff;padding:1rem;margin:0 0 1.5rem}
.panel h1{margin-top:0}
.panel strong{font-size:1.5rem;display:block}
.notice{border-left:5px solid #1a4fa0;background:#eef3fa;padding:.75rem 1rem;margin:0 0 1.5rem}
dl{margin:0 0 1rem}
.row{border-bottom:1px solid #b1b4b6;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.row dt{font-weight:600;flex:1 1 12rem}
.row dd{margin:0;flex:2 1 16rem}
.row dd.act{flex:0 0 auto}
.back{display:inline-block;margin:.5rem 0}
footer{margin-top:2rem}`;

/** For the Content-Security-Policy: the style sheet is allowed by its hash, nothing else inline. */
const STYLE_ELEMENT = new SafeHtml(`<style>${CSS}</style>`);
export const STYLE_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

export interface PageOptions {
  lang: Lang;
  title: string;
  /** The path of this page, for the language switch (the switch adds ?lang=). */
  path: string;
  body: SafeHtml;
  hasErrors?: boolean;
}

export function withLang(path: string, lang: Lang): string {
  const [base, hash] = path.split('#');
  const joiner = (base ?? '').includes('?') ? '&' : '?';
  return `${base}${joiner}lang=${lang}${hash ? `#${hash}` : ''}`;
}

export function page(opts: PageOptions): string {
  const t = webTexts(opts.lang);
  const title = `${opts.hasErrors ? `${t.errorPrefix} ` : ''}${opts.title} – ${t.site}`;
  const languages = LANGUAGES.filter((l) => l !== opts.lang).map(
    (l) =>
      html`<li><a href="${withLang(opts.path, l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
  );
  return (
    '<!doctype html>' +
    html`<html lang="${opts.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <a class="skip" href="#main">${skipText(opts.lang)}</a>
        <header>
          <div class="wrap">
            <a href="${withLang('/skjema', opts.lang)}">${t.site}</a>
            <nav aria-label="${t.languageNav}">
              <ul>
                ${languages}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">${opts.body}</main>
        <footer>
          <div class="wrap">
            <ul>
              <li><a href="${withLang('/skjema/personvern', opts.lang)}">${t.privacyLink}</a></li>
              <li><a href="${withLang('/skjema/tilgjengelegheit', opts.lang)}">${t.a11yLink}</a></li>
            </ul>
          </div>
        </footer>
      </body>
    </html>`.value
  );
}

function skipText(lang: Lang): string {
  return { nn: 'Hopp til innhaldet', nb: 'Hopp til innholdet', en: 'Skip to content' }[lang];
}

import type { Express } from 'express';

/**
 * The privacy statement and terms of use the Teams manifest links to. Short, in nynorsk with
 * bokmål and English below, and served by the app itself so they exist wherever the app runs.
 */
const page = (title: string, body: string) => `<!doctype html>
<html lang="nn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body>${body}</body></html>`;

const privacy = page(
  'Personvern – Helsefellesskap Møre og Romsdal',
  `<h1>Personvern</h1>
<p>Appen tek imot saker til Helsefellesskap Møre og Romsdal. Vi lagrar det du skriv i innmeldinga, namnet ditt, e-postadressa di
og Teams-identiteten din (Azure AD-objekt-ID), og kven som har handsama saka og når. Opplysningane blir lagra i Azure Table Storage
hos helseføretaket og blir brukte berre til å handsame saka og gi deg tilbakemelding.</p>
<p>Saker skal gjelde tenester, ikkje enkeltpasientar: skriv aldri fødselsnummer eller andre opplysningar som identifiserer pasientar.
Appen avviser tekst med fødselsnummer eller D-nummer.</p>
<p>Spørsmål om personvern: kontakt felles samarbeidssekretariat for Helsefellesskap Møre og Romsdal.</p>
<h2 lang="nb">Personvern (bokmål)</h2>
<p lang="nb">Appen lagrer innmeldingen din, navnet ditt, e-postadressen din og Teams-identiteten din for å behandle saken og gi deg
tilbakemelding. Skriv aldri opplysninger som identifiserer pasienter.</p>
<h2 lang="en">Privacy (English)</h2>
<p lang="en">The app stores your submission, your name, e-mail address and Teams identity in order to handle the case and keep you
informed. Never write information that identifies a patient.</p>`,
);

const terms = page(
  'Vilkår – Helsefellesskap Møre og Romsdal',
  `<h1>Vilkår for bruk</h1>
<p>Appen er eit verktøy for Helsefellesskap Møre og Romsdal: innmelding av saker, fordeling av saker mellom utvala og oppfølging
av handlingsplanane. Bruk han til saker om samhandling mellom kommunane og Helse Møre og Romsdal HF, i tråd med samarbeidsavtalen.</p>
<h2 lang="nb">Vilkår (bokmål)</h2>
<p lang="nb">Appen brukes til saker om samhandling mellom kommunene og Helse Møre og Romsdal HF, i tråd med samarbeidsavtalen.</p>
<h2 lang="en">Terms (English)</h2>
<p lang="en">The app is for cases about cooperation between the municipalities and the hospital trust, under the cooperation agreement.</p>`,
);

/** What someone who opens the server's address in a browser finds: what runs here, and where to go. */
const front = page(
  'Helsefellesskap Møre og Romsdal – Teams-app',
  `<h1>Helsefellesskap Møre og Romsdal – Teams-app</h1>
<p>Her køyrer Teams-appen til helsefellesskapet: boten som tek imot og fordeler saker (i Teams, ikkje i nettlesaren)
og fana med handlingsplanane til utvala.</p>
<ul>
<li><a href="/tab/index.html#/overview">Opne handlingsplanane</a> (fana; i nettlesaren berre lokalt, elles i Teams)</li>
<li><a href="/healthz">Driftsstatus</a> · <a href="/privacy.html">Personvern</a> · <a href="/terms.html">Vilkår</a></li>
</ul>
<p lang="nb">Her kjører Teams-appen til helsefellesskapet: boten for innmelding og fordeling av saker, og fanen med
handlingsplanene (<a href="/tab/index.html#/overview">åpne handlingsplanene</a>).</p>
<p lang="en">This is the partnership's Teams app: the bot that takes in and routes cases (used in Teams) and the
action-plan tab (<a href="/tab/index.html#/overview">open the action plans</a>).</p>`,
);

export function mountFrontPage(app: Express): void {
  app.get('/', (_req, res) => void res.type('html').send(front));
}

export function mountLegalPages(app: Express): void {
  app.get('/privacy.html', (_req, res) => void res.type('html').send(privacy));
  app.get('/terms.html', (_req, res) => void res.type('html').send(terms));
}

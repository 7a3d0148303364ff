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

export function mountLegalPages(app: Express): void {
  app.get('/privacy.html', (_req, res) => void res.type('html').send(privacy));
  app.get('/terms.html', (_req, res) => void res.type('html').send(terms));
}

import type { Lang } from './language';

/**
 * The one message for free text refused because it holds a fødselsnummer or D-number, wherever it is
 * typed (bot, cards, tab). A module of its own so the tab can show it without loading every text of
 * the bot.
 */
export const NATIONAL_ID_ERROR: Record<Lang, string> = {
  nn: 'Teksten ser ut til å innehalde eit fødselsnummer eller D-nummer. Helsefellesskapet arbeider med tenester, ikkje med enkeltpasientar, så slike nummer skal ikkje lagrast her. Skriv teksten på nytt utan nummeret.',
  nb: 'Teksten ser ut til å inneholde et fødselsnummer eller D-nummer. Helsefellesskapet arbeider med tjenester, ikke med enkeltpasienter, så slike numre skal ikke lagres her. Skriv teksten på nytt uten nummeret.',
  en: 'The text seems to contain a national identity number or D-number. The partnership works with services, not individual patients, so such numbers must not be stored here. Please write the text again without the number.',
};

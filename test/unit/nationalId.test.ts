import assert from 'node:assert/strict';
import { containsNationalId, isValidNationalId } from '../../bot/domain/form/nationalId';

/** A valid number for a date (DDMMYY): the first individual number whose check digits exist. */
function validFor(date6: string): string {
  for (let individual = 100; individual < 1000; individual++) {
    const candidate = withCheckDigitsOrNull(`${date6}${individual}`);
    if (candidate && isValidNationalId(candidate)) return candidate;
  }
  throw new Error(`no valid number for ${date6}`);
}

function withCheckDigits(first9: string): string {
  const d = [...first9].map(Number);
  const k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const r1 = 11 - (k1w.reduce((s, w, i) => s + w * d[i]!, 0) % 11);
  const k1 = r1 === 11 ? 0 : r1;
  const k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const digits = [...d, k1];
  const r2 = 11 - (k2w.reduce((s, w, i) => s + w * digits[i]!, 0) % 11);
  const k2 = r2 === 11 ? 0 : r2;
  if (r1 === 10 || r2 === 10) throw new Error(`no valid number for ${first9}`);
  return `${first9}${k1}${k2}`;
}

describe('fødselsnummer and D-number detection', () => {
  const fnr = validFor('010190'); // 1 January 1990
  const dnr = validFor('410190'); // D-number: day + 40

  const cases: [string, string, boolean][] = [
    ['a valid fødselsnummer', fnr, true],
    ['a valid D-number', dnr, true],
    ['a wrong first check digit', fnr.slice(0, 9) + String((Number(fnr[9]) + 1) % 10) + fnr[10], false],
    ['a wrong second check digit', fnr.slice(0, 10) + String((Number(fnr[10]) + 1) % 10), false],
    ['ten digits', fnr.slice(0, 10), false],
    ['an impossible month', withCheckDigitsOrNull(`0113${fnr.slice(4, 9)}`) ?? '01139012300', false],
  ];
  for (const [name, value, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(isValidNationalId(value), expected));
  }

  // 15058550040 is a valid fødselsnummer (15 May 1985), 55058550034 a valid D-number (15 + 40).
  const refused: [string, string][] = [
    ['11 digits', '15058550040'],
    ['6 + 5 with a space', '150585 50040'],
    ['6 + 5 with a dot', '150585.50040'],
    ['6 + 5 with a dash', '150585-50040'],
    ['the date with dots, after a word', 'fødd 15.05.85 50040'],
    ['a D-number with dots', 'D-nr 55.05.85 50034'],
    ['groups of three', '150 585 500 40'],
    ['groups of two', '15 05 85 500 40'],
    ['6 + 5 with a no-break space', '150585\u00a050040'],
    ['6 + 5 with a narrow no-break space', '150585\u202f50040'],
    ['6 + 5 with two spaces', '150585  50040'],
    ['6 + 5 with a line break', '150585\n50040'],
    ['6 + 5 with CRLF', '150585\r\n50040'],
    ['6 + 5 with an en dash and spaces', '150585 – 50040'],
    ['the date with dashes', '15-05-85-500-40'],
    ['the date with dots and spaces', '15. 05. 85. 50040'],
    ['with a word joiner inside', '150585\u206050040'],
    ['in full-width digits', '１５０５８５５００４０'],
    ['glued to letters', 'fnr:15058550040.'],
    ['inside a sentence', `Pasienten har fnr ${fnr} og bur i Ålesund.`],
    ['a D-number after a colon', `D-nr:${dnr}.`],
    ['after other numbers in the same run', 'tlf 12 15058550040'],
    ['in a link', 'https://example.no/referat?id=15058550040'],
  ];
  for (const [name, text] of refused) {
    it(`refuses ${name}: ${JSON.stringify(text)}`, () => assert.equal(containsNationalId(text), true));
  }

  const accepted: [string, string][] = [
    ['11 digits whose check digits fail', '15058550041'],
    ['grouped, with a failing check digit', '15.05.85 50041'],
    ['a phone number written with spaces', '+47 916 21 147'],
    ['a phone number', '91621147'],
    ['two phone numbers in a row', 'Tlf. 91621147 / 916 21 148'],
    ['a case number', '2026-001'],
    ['a committee reference', 'FSU-rehab 2024/1'],
    ['a forum case number', 'Sak 39/22'],
    ['a date', '15.05.1985'],
    ['a date range', '01.01.2020-31.12.2021'],
    ['an amount', 'kr 1 500 000,50'],
    ['an organisation number', 'org.nr. 974 749 025'],
    ['a longer number around a valid one', `Kontonummer 1${fnr}`],
    ['a link to a regulation', 'https://lovdata.no/dokument/SF/forskrift/2011-12-16-1256'],
    ['numbers in separate sentences', 'Vi hadde 150585 besøk. 50040 av dei var digitale.'],
  ];
  for (const [name, text] of accepted) {
    it(`accepts ${name}: ${JSON.stringify(text)}`, () => assert.equal(containsNationalId(text), false));
  }
});

function withCheckDigitsOrNull(first9: string): string | undefined {
  try {
    return withCheckDigits(first9);
  } catch {
    return undefined;
  }
}

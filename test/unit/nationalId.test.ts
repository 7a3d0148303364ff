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

  it('finds a number inside text, also written 6 + 5 with a space', () => {
    assert.equal(containsNationalId(`Pasienten har fnr ${fnr} og bur i Ålesund.`), true);
    assert.equal(containsNationalId(`Pasient ${fnr.slice(0, 6)} ${fnr.slice(6)}`), true);
    assert.equal(containsNationalId(`D-nr:${dnr}.`), true);
  });

  it('leaves phone numbers, case numbers and long digit runs alone', () => {
    assert.equal(containsNationalId('Tlf.: 91621147, sak 24/1234, org.nr. 974 749 025'), false);
    assert.equal(containsNationalId(`Kontonummer 1${fnr}`), false, 'part of a longer number');
    assert.equal(containsNationalId('https://lovdata.no/dokument/SF/forskrift/2011-12-16-1256'), false);
  });
});

function withCheckDigitsOrNull(first9: string): string | undefined {
  try {
    return withCheckDigits(first9);
  } catch {
    return undefined;
  }
}

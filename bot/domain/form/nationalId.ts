/**
 * Norwegian national identity numbers (fødselsnummer) and D-numbers: 11 digits, DDMMYY + individual
 * number + two check digits (modulus 11). Cases and plans are about services, never about one
 * patient, so free text that contains one is refused wherever the app stores it. Only numbers with
 * both check digits valid and a plausible date count, so phone numbers, case numbers, dates and
 * amounts are not mistaken for one.
 */
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  if (rest === 10) return undefined; // no valid number has this
  return rest;
}

export function isValidNationalId(candidate: string): boolean {
  if (!/^\d{11}$/.test(candidate)) return false;
  const digits = [...candidate].map(Number);
  if (checkDigit(digits, K1) !== digits[9] || checkDigit(digits, K2) !== digits[10]) return false;
  let day = Number(candidate.slice(0, 2));
  const month = Number(candidate.slice(2, 4));
  if (day > 40) day -= 40; // D-number: 40 is added to the day
  const yy = Number(candidate.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000 + yy, month, 0)).getUTCDate();
  return day <= Math.max(daysInMonth, month === 2 ? 29 : daysInMonth);
}

/**
 * What people put between the groups of a number: any Unicode space or line break, dots, dashes
 * (hyphen, non-breaking hyphen, figure, en and em dash, minus) and invisible joiners. At most three
 * in a row ("15. 05. 85", " - ", "\r\n"), so digits in separate sentences or list items stay apart.
 */
const SEPARATOR = String.raw`[\s.\-\u2010-\u2015\u2212\u200b-\u200d\u2060]{1,3}`;
/** Runs of digit groups joined by separators, not glued to other digits. */
const DIGIT_RUN = new RegExp(String.raw`(?<!\d)\d+(?:${SEPARATOR}\d+)*`, 'gu');

/**
 * True if the text holds a valid number however it is written: 11 digits in one, 6 + 5 ("150585
 * 50040"), the date with dots and the individual number after it ("15.05.85 50040"), or any other
 * grouping by spaces, dots, dashes or line breaks ("150 585 500 40"). Every sequence of whole
 * neighbouring groups that adds up to exactly 11 digits is checked; a group is never split, so a
 * longer number (an account number, a 12-digit id) does not hide one inside it.
 */
export function containsNationalId(text: string): boolean {
  for (const run of text.normalize('NFKC').matchAll(DIGIT_RUN)) {
    const groups = run[0].match(/\d+/g) ?? [];
    for (let start = 0; start < groups.length; start++) {
      let candidate = '';
      for (let end = start; end < groups.length && candidate.length < 11; end++) {
        candidate += groups[end];
        if (candidate.length === 11 && isValidNationalId(candidate)) return true;
      }
    }
  }
  return false;
}

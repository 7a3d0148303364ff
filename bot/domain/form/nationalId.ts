/**
 * Norwegian national identity numbers (fødselsnummer) and D-numbers: 11 digits, DDMMYY + individual
 * number + two check digits (modulus 11). Cases are about services, never about one patient, so text
 * that contains one is refused. Only numbers with valid check digits and a plausible date count, so
 * phone numbers, case numbers and amounts are not mistaken for one.
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

/** True if the text holds a valid number, written as 11 digits or as 6 + 5 with a space, dot or dash. */
export function containsNationalId(text: string): boolean {
  const pattern = /(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)/g;
  for (const match of text.matchAll(pattern)) {
    if (isValidNationalId(`${match[1]}${match[2]}`)) return true;
  }
  return false;
}

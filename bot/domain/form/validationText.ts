import type { Lang } from '../i18n/language';
import { messages } from '../i18n/messages';
import type { ValidationError } from './validation';

type ChoiceError = Extract<ValidationError, { code: 'choice' }>;

/**
 * What to tell a person whose answer was refused, in their language: one text per check, the same
 * in the chat and on the public page. Only the refused choice is said differently, since the chat
 * can be answered by typing an option's number and the page offers its own radio buttons.
 */
export function validationErrorText(
  error: ValidationError,
  lang: Lang,
  choiceText: (error: ChoiceError) => string = (e) =>
    messages(lang).errorChoice(e.options.map((o, i) => `${i + 1}. ${o.label[lang]}`).join('\n')),
): string {
  const m = messages(lang);
  switch (error.code) {
    case 'required':
      return m.errorRequired;
    case 'tooLong':
      return m.errorTooLong(error.length, error.max);
    case 'email':
      return m.errorEmail;
    case 'phone':
      return m.errorPhone;
    case 'nationalId':
      return m.errorNationalId;
    case 'choice':
      return choiceText(error);
  }
}

import type { Lang } from './language';

/**
 * Every sentence the bot says, in nynorsk (the form's language), bokmål and English. The form's own
 * questions live with the form definition; everything else the app says is here.
 */
const nn = {
  welcome:
    'Hei! Eg er innmeldingsboten til Helsefellesskap Møre og Romsdal, samarbeidet mellom dei 26 kommunane og Helse Møre og Romsdal. ' +
    'Her kan du melde inn ei sak til helsefellesskapet: eg stiller deg spørsmåla frå innmeldingsskjemaet, eitt om gongen, og du ser over alt før du sender.',
  startButton: 'Start ei ny sak',
  myCasesButton: 'Mine saker',
  helpButton: 'Hjelp',
  help:
    'Dette kan du skrive når som helst:\n' +
    '• «ny sak» – start ei ny innmelding\n' +
    '• «tilbake» – gå til førre spørsmål\n' +
    '• «hopp over» – hopp over eit valfritt spørsmål\n' +
    '• «avbryt» – forkast utkastet\n' +
    '• «status» – sjå sakene du har meldt inn\n' +
    '• «nynorsk», «bokmål» eller «English» – byt språk\n\n' +
    'Saker handlar om tenester, ikkje om enkeltpasientar: skriv aldri fødselsnummer eller namn på pasientar.',
  progress: (n: number, total: number) => `Spørsmål ${n} av ${total}`,
  optional: 'Valfritt – skriv «hopp over» om du ikkje vil svare.',
  skipButton: 'Hopp over',
  backButton: 'Tilbake',
  chooseButton: 'Bruk vala',
  prefillLabel: 'Frå Teams-profilen din:',
  prefillHelp: 'Trykk «Ja, bruk dette» eller skriv «ja» – eller skriv noko anna.',
  useValueButton: 'Ja, bruk dette',
  errorRequired: 'Dette spørsmålet må du svare på.',
  errorTooLong: (length: number, max: number) =>
    `Svaret er for langt: ${length} teikn, og grensa er ${max}. Korte det ned og send det på nytt.`,
  errorEmail: 'Det ser ikkje ut som ei e-postadresse. Skriv ho slik: namn@døme.no.',
  errorPhone: 'Det ser ikkje ut som eit telefonnummer. Skriv åtte siffer, eller med landskode: +47 91234567.',
  errorNationalId:
    'Svaret ser ut til å innehalde eit fødselsnummer eller D-nummer. Saker til helsefellesskapet gjeld tenester og skal ikkje kunne identifisere pasientar. Skriv svaret på nytt utan nummeret.',
  errorChoice: (options: string) =>
    `Eg kjende ikkje att det valet. Vel ein av knappane, eller skriv eitt av desse:\n${options}`,
  cannotSkip: 'Dette spørsmålet må du svare på, det kan ikkje hoppast over.',
  atFirstQuestion: 'Du er på første spørsmål.',
  askAgain: 'Prøv igjen:',
  summaryTitle: 'Sjå over svara dine',
  summaryIntro: 'Stemmer alt? Du kan endre kvart svar før du sender inn saka.',
  summaryLong: 'Svara er lange, så du får dei i full lengd i meldingane over kortet.',
  editButton: 'Endre',
  submitButton: 'Send inn saka',
  cancelButton: 'Avbryt',
  reviewHint: 'Trykk «Send inn saka», «Endre» ved eit svar, eller «Avbryt». Du kan òg skrive «send inn».',
  dateLabel: 'Dato',
  notAnswered: '(ikkje svart)',
  noneChosen: '(ingen valt)',
  receiptTitle: (number: string) => `Saka er motteken – saksnummer ${number}`,
  receiptIntro: 'Takk! Saka di er send til helsefellesskapet. Slik går det vidare:',
  nextSteps: [
    'Leiaren for felles samarbeidssekretariat tek imot saka.',
    'Sekretariatsleiaren drøftar med leiar og nestleiar i Strategisk samarbeidsutval kvar saka skal handsamast: i Partnarskapsmøtet, Strategisk samarbeidsutval, eit fagleg samarbeidsutval eller eit lokalt samarbeidsutval.',
    'Skal ikkje helsefellesskapet handsame saka, får du ho tilbake med grunngjeving.',
    'Når saka er handsama, får du utfallet saman med referatet frå møtet.',
  ],
  receiptCopy: 'Kopi av svara dine:',
  cancelled: 'Utkastet er forkasta. Skriv «ny sak» når du vil melde inn ei sak.',
  nothingToCancel: 'Du har ikkje noko utkast på gang.',
  draftOffer: (date: string, n: number, total: number) =>
    `Du har eit uferdig utkast frå ${date}, på spørsmål ${n} av ${total}. Vil du halde fram eller forkaste det?`,
  continueButton: 'Hald fram',
  discardButton: 'Forkast utkastet',
  continuing: 'Då held vi fram der du slapp.',
  myCasesTitle: 'Sakene dine',
  noCases: 'Du har ikkje meldt inn nokon saker enno. Skriv «ny sak» for å starte.',
  stateLabels: {
    submitted: 'Motteken',
    routing_proposed: 'Under vurdering',
    routed: 'Fordelt til utval',
    decided: 'Avgjort',
    returned: 'Returnert',
    withdrawn: 'Trekt tilbake',
  },
  languageChanged: 'Eg skriv nynorsk til deg frå no av.',
  notUnderstood:
    'Eg forstod ikkje heilt. Skriv «ny sak» for å melde inn ei sak, «status» for sakene dine eller «hjelp».',
  somethingWentWrong:
    'Noko gjekk gale hos oss. Svara du alt har gitt er tekne vare på – send det siste på nytt om litt.',
  personalChatOnly: 'Innmelding skjer i ein privat chat med meg. Opne chatten med boten og skriv «ny sak».',
  unsupportedAttachment:
    'Eg kan ikkje ta imot vedlegg. Skriv svaret som tekst, og lim inn lenkjer til dokument.',
};

export type Messages = typeof nn;

const nb: Messages = {
  welcome:
    'Hei! Jeg er innmeldingsboten til Helsefellesskap Møre og Romsdal, samarbeidet mellom de 26 kommunene og Helse Møre og Romsdal. ' +
    'Her kan du melde inn en sak til helsefellesskapet: jeg stiller deg spørsmålene fra innmeldingsskjemaet, ett om gangen, og du ser over alt før du sender.',
  startButton: 'Start en ny sak',
  myCasesButton: 'Mine saker',
  helpButton: 'Hjelp',
  help:
    'Dette kan du skrive når som helst:\n' +
    '• «ny sak» – start en ny innmelding\n' +
    '• «tilbake» – gå til forrige spørsmål\n' +
    '• «hopp over» – hopp over et valgfritt spørsmål\n' +
    '• «avbryt» – forkast utkastet\n' +
    '• «status» – se sakene du har meldt inn\n' +
    '• «nynorsk», «bokmål» eller «English» – bytt språk\n\n' +
    'Saker handler om tjenester, ikke om enkeltpasienter: skriv aldri fødselsnummer eller navn på pasienter.',
  progress: (n, total) => `Spørsmål ${n} av ${total}`,
  optional: 'Valgfritt – skriv «hopp over» hvis du ikke vil svare.',
  skipButton: 'Hopp over',
  backButton: 'Tilbake',
  chooseButton: 'Bruk valgene',
  prefillLabel: 'Fra Teams-profilen din:',
  prefillHelp: 'Trykk «Ja, bruk dette» eller skriv «ja» – eller skriv noe annet.',
  useValueButton: 'Ja, bruk dette',
  errorRequired: 'Dette spørsmålet må du svare på.',
  errorTooLong: (length, max) =>
    `Svaret er for langt: ${length} tegn, og grensen er ${max}. Kort det ned og send det på nytt.`,
  errorEmail: 'Det ser ikke ut som en e-postadresse. Skriv den slik: navn@eksempel.no.',
  errorPhone: 'Det ser ikke ut som et telefonnummer. Skriv åtte sifre, eller med landskode: +47 91234567.',
  errorNationalId:
    'Svaret ser ut til å inneholde et fødselsnummer eller D-nummer. Saker til helsefellesskapet gjelder tjenester og skal ikke kunne identifisere pasienter. Skriv svaret på nytt uten nummeret.',
  errorChoice: (options) =>
    `Jeg kjente ikke igjen det valget. Velg en av knappene, eller skriv ett av disse:\n${options}`,
  cannotSkip: 'Dette spørsmålet må du svare på, det kan ikke hoppes over.',
  atFirstQuestion: 'Du er på første spørsmål.',
  askAgain: 'Prøv igjen:',
  summaryTitle: 'Se over svarene dine',
  summaryIntro: 'Stemmer alt? Du kan endre hvert svar før du sender inn saken.',
  summaryLong: 'Svarene er lange, så du får dem i full lengde i meldingene over kortet.',
  editButton: 'Endre',
  submitButton: 'Send inn saken',
  cancelButton: 'Avbryt',
  reviewHint: 'Trykk «Send inn saken», «Endre» ved et svar, eller «Avbryt». Du kan også skrive «send inn».',
  dateLabel: 'Dato',
  notAnswered: '(ikke besvart)',
  noneChosen: '(ingen valgt)',
  receiptTitle: (number) => `Saken er mottatt – saksnummer ${number}`,
  receiptIntro: 'Takk! Saken din er sendt til helsefellesskapet. Slik går det videre:',
  nextSteps: [
    'Lederen for felles samarbeidssekretariat tar imot saken.',
    'Sekretariatslederen drøfter med leder og nestleder i Strategisk samarbeidsutvalg hvor saken skal behandles: i Partnerskapsmøtet, Strategisk samarbeidsutvalg, et faglig samarbeidsutvalg eller et lokalt samarbeidsutvalg.',
    'Skal ikke helsefellesskapet behandle saken, får du den tilbake med begrunnelse.',
    'Når saken er behandlet, får du utfallet sammen med referatet fra møtet.',
  ],
  receiptCopy: 'Kopi av svarene dine:',
  cancelled: 'Utkastet er forkastet. Skriv «ny sak» når du vil melde inn en sak.',
  nothingToCancel: 'Du har ikke noe utkast på gang.',
  draftOffer: (date, n, total) =>
    `Du har et uferdig utkast fra ${date}, på spørsmål ${n} av ${total}. Vil du fortsette eller forkaste det?`,
  continueButton: 'Fortsett',
  discardButton: 'Forkast utkastet',
  continuing: 'Da fortsetter vi der du slapp.',
  myCasesTitle: 'Sakene dine',
  noCases: 'Du har ikke meldt inn noen saker ennå. Skriv «ny sak» for å starte.',
  stateLabels: {
    submitted: 'Mottatt',
    routing_proposed: 'Under vurdering',
    routed: 'Fordelt til utvalg',
    decided: 'Avgjort',
    returned: 'Returnert',
    withdrawn: 'Trukket tilbake',
  },
  languageChanged: 'Jeg skriver bokmål til deg fra nå av.',
  notUnderstood:
    'Jeg forsto ikke helt. Skriv «ny sak» for å melde inn en sak, «status» for sakene dine eller «hjelp».',
  somethingWentWrong:
    'Noe gikk galt hos oss. Svarene du alt har gitt er tatt vare på – send det siste på nytt om litt.',
  personalChatOnly: 'Innmelding skjer i en privat chat med meg. Åpne chatten med boten og skriv «ny sak».',
  unsupportedAttachment:
    'Jeg kan ikke ta imot vedlegg. Skriv svaret som tekst, og lim inn lenker til dokumenter.',
};

const en: Messages = {
  welcome:
    "Hello! I am the case intake bot of Helsefellesskap Møre og Romsdal, the partnership of the county's 26 municipalities and the hospital trust. " +
    'Here you can submit a case to the partnership: I ask you the questions of the intake form one at a time, and you review everything before you send it.',
  startButton: 'Start a new case',
  myCasesButton: 'My cases',
  helpButton: 'Help',
  help:
    'You can type these at any time:\n' +
    '• "new case" – start a new submission\n' +
    '• "back" – go to the previous question\n' +
    '• "skip" – skip an optional question\n' +
    '• "cancel" – discard the draft\n' +
    '• "status" – see the cases you have submitted\n' +
    '• "nynorsk", "bokmål" or "English" – switch language\n\n' +
    'Cases are about services, not individual patients: never write national identity numbers or patient names.',
  progress: (n, total) => `Question ${n} of ${total}`,
  optional: 'Optional – type "skip" if you do not want to answer.',
  skipButton: 'Skip',
  backButton: 'Back',
  chooseButton: 'Use these',
  prefillLabel: 'From your Teams profile:',
  prefillHelp: 'Press "Yes, use this" or type "yes" – or type something else.',
  useValueButton: 'Yes, use this',
  errorRequired: 'This question needs an answer.',
  errorTooLong: (length, max) =>
    `The answer is too long: ${length} characters, and the limit is ${max}. Please shorten it and send it again.`,
  errorEmail: 'That does not look like an e-mail address. Write it like this: name@example.no.',
  errorPhone:
    'That does not look like a phone number. Write eight digits, or with a country code: +47 91234567.',
  errorNationalId:
    'The answer seems to contain a national identity number or D-number. Cases to the partnership are about services and must not identify patients. Please write the answer again without the number.',
  errorChoice: (options) =>
    `I did not recognise that choice. Use one of the buttons, or type one of these:\n${options}`,
  cannotSkip: 'This question needs an answer; it cannot be skipped.',
  atFirstQuestion: 'You are at the first question.',
  askAgain: 'Please try again:',
  summaryTitle: 'Check your answers',
  summaryIntro: 'Is everything right? You can change any answer before you submit the case.',
  summaryLong: 'Your answers are long, so they are shown in full in the messages above the card.',
  editButton: 'Change',
  submitButton: 'Submit the case',
  cancelButton: 'Cancel',
  reviewHint: 'Press "Submit the case", "Change" next to an answer, or "Cancel". You can also type "submit".',
  dateLabel: 'Date',
  notAnswered: '(not answered)',
  noneChosen: '(none chosen)',
  receiptTitle: (number) => `Case received – case number ${number}`,
  receiptIntro: 'Thank you! Your case has been sent to the health partnership. What happens next:',
  nextSteps: [
    'The leader of the joint secretariat receives the case.',
    'The secretariat leader discusses with the leader and deputy leader of the strategic committee (SSU) where the case is handled: the partnership meeting, the SSU, a professional committee or a local committee.',
    'If the partnership is not to handle the case, it is returned to you with the reasons.',
    'When the case has been handled, you get the outcome together with the minutes of the meeting.',
  ],
  receiptCopy: 'A copy of your answers:',
  cancelled: 'The draft has been discarded. Type "new case" when you want to submit a case.',
  nothingToCancel: 'You have no draft in progress.',
  draftOffer: (date, n, total) =>
    `You have an unfinished draft from ${date}, at question ${n} of ${total}. Would you like to continue or discard it?`,
  continueButton: 'Continue',
  discardButton: 'Discard the draft',
  continuing: "Let's carry on where you left off.",
  myCasesTitle: 'Your cases',
  noCases: 'You have not submitted any cases yet. Type "new case" to start.',
  stateLabels: {
    submitted: 'Received',
    routing_proposed: 'Being assessed',
    routed: 'Assigned to a committee',
    decided: 'Decided',
    returned: 'Returned',
    withdrawn: 'Withdrawn',
  },
  languageChanged: 'I will write to you in English from now on.',
  notUnderstood:
    'I did not quite understand. Type "new case" to submit a case, "status" for your cases, or "help".',
  somethingWentWrong:
    'Something went wrong on our side. The answers you have given are kept – please send the last one again in a moment.',
  personalChatOnly:
    'Cases are submitted in a private chat with me. Open the chat with the bot and type "new case".',
  unsupportedAttachment:
    'I cannot take attachments. Please write your answer as text and paste links to documents.',
};

const catalog: Record<Lang, Messages> = { nn, nb, en };

export function messages(lang: Lang): Messages {
  return catalog[lang];
}

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
  maxLength: (n: number) => `Inntil ${n} teikn.`,
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
  maxLength: (n) => `Inntil ${n} tegn.`,
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
  maxLength: (n) => `Up to ${n} characters.`,
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

/*
 * Routing (guideline steps 2-5): the case cards, the notifications to the submitter, the secretariat
 * and the SSU leadership, and the commands for roles, notifications and standard justifications.
 */
const routingNn = {
  caseHeading: (number: string) => `Sak ${number}`,
  facts: {
    title: 'Tittel',
    submitter: 'Meldt av',
    organisation: 'Organisasjon',
    urgency: 'Hastegrad',
    priorityGroups: 'Prioriterte pasientgrupper',
    agreementParts: 'Delar av samarbeidsavtalen',
    submitted: 'Motteken',
    viaWebForm: 'Innsendt via nettskjemaet',
    state: 'Status',
  },
  none: '(ingen)',
  showAnswers: 'Vis alle svara',
  answersHeading: 'Svara frå melder',
  proposalHeading: 'Forslag frå sekretariatet',
  proposedForum: (forum: string, name: string, date: string) => `${forum} – foreslått av ${name} ${date}`,
  approvals: (n: number, required: number) => `Godkjent av ${n} av ${required} i SSU-leiinga`,
  approvedBy: (name: string, date: string) => `Godkjent av ${name} ${date}`,
  chainHeading: 'Utval saka har vore i',
  chainRouted: (date: string, forum: string) => `${date}: sendt til ${forum}`,
  chainForwarded: (date: string, forum: string) => `${date}: sendt vidare til ${forum}`,
  returnedHeading: 'Returnert med grunngjeving',
  withdrawnText: (date: string) => `Melder trekte saka tilbake ${date}.`,
  infoHeading: 'Spørsmål til melder',
  infoQuestion: (n: number, date: string) => `Spørsmål ${n} (${date}):`,
  infoReply: (date: string) => `Svar frå melder (${date}):`,
  infoWaiting: 'Ventar på svar frå melder.',
  outcomeHeading: 'Utfall',
  outcomeFacts: (date: string, forumCaseNumber: string) => `Møte ${date} · ${forumCaseNumber}`,
  openMinutes: 'Opne referatet',
  historyHeading: 'Historikk',
  events: {
    submitted: 'sende inn saka',
    routing_proposed: 'foreslo utval',
    routing_approved: 'godkjende forslaget',
    routing_changed: 'valde eit anna utval',
    routed: 'avgjorde rutinga',
    returned: 'returnerte saka',
    info_requested: 'bad om meir informasjon',
    info_added: 'svarte på spørsmålet',
    outcome_registered: 'registrerte utfallet',
    forwarded: 'registrerte at saka vart send vidare',
    withdrawn: 'trekte saka tilbake',
  } as Record<string, string>,
  viewOnly: 'Du kan sjå saka, men ikkje ta avgjerder i henne.',
  actions: {
    propose: 'Foreslå utval',
    return: 'Returner saka',
    requestInfo: 'Be om meir informasjon',
    approve: 'Godkjenn forslaget',
    changeForum: 'Vel eit anna utval',
    outcome: 'Registrer utfall',
    forward: 'Registrer vidaresending',
    withdraw: 'Trekk saka tilbake',
    replyInfo: 'Svar på spørsmålet',
    refresh: 'Oppdater',
    useJustification: 'Bruk og rediger teksten',
  },
  confirm: {
    propose: 'Send forslaget til SSU-leiinga',
    return: 'Returner til melder',
    requestInfo: 'Send spørsmålet',
    approve: 'Godkjenn',
    changeForum: 'Send til dette utvalet',
    outcome: 'Registrer og send til melder',
    forward: 'Registrer',
    withdraw: 'Trekk tilbake',
    replyInfo: 'Send svaret',
  },
  inputs: {
    forum: 'Utval',
    comment: 'Grunngjeving',
    commentOptional: 'Kommentar (valfritt)',
    standardJustification: 'Standardgrunngjeving (valfritt – teksten under vert brukt om du skriv noko der)',
    justification: 'Grunngjeving til melder',
    question: 'Spørsmål til melder',
    reply: 'Svaret ditt',
    decision: 'Vedtak',
    meetingDate: 'Møtedato',
    forumCaseNumber: 'Saksnummer i utvalet, t.d. «Sak 39/22»',
    minutesUrl: 'Lenkje til referatet (https://…)',
    withdrawComment: 'Kvifor trekkjer du saka? (valfritt)',
    chooseForum: 'Vel utval',
    chooseJustification: 'Vel ei standardgrunngjeving',
    requiredField: 'Dette feltet må fyllast ut.',
  },
  errors: {
    required: (label: string) => `«${label}» må fyllast ut.`,
    tooLong: (label: string, max: number) => `«${label}» er for lang: høgst ${max} teikn.`,
    forum: 'Vel eit utval frå lista.',
    sameForum: 'Vel eit anna utval enn det saka alt er i eller er foreslått til.',
    url: 'Lenkja til referatet må vere ei fullstendig adresse som byrjar med https:// eller http://.',
    date: 'Møtedatoen er ikkje ein gyldig dato.',
    nationalId: (label: string) => `«${label}» ser ut til å innehalde eit fødselsnummer. Skriv det utan.`,
    noOpenQuestion: 'Det er ikkje noko ope spørsmål å svare på i denne saka.',
  },
  notices: {
    denied:
      'Du har ikkje rolla som skal til for dette steget, så ingenting er endra. Forsøket er registrert. Her er saka slik ho står no.',
    stale: 'Saka er endra sidan dette kortet vart vist, så ingenting er endra. Her er saka slik ho står no.',
    conflict:
      'Nokon andre tok ei avgjerd i same augneblink, og den vart lagra først. Ingenting av ditt er endra. Her er saka slik ho står no.',
    alreadyApplied: 'Avgjerda di er alt registrert.',
    applied: 'Lagra.',
    invalid: 'Ingenting er lagra enno. Sjå over:',
    notFound: (number: string) => `Fann ikkje sak ${number}.`,
  },
  notify: {
    newCase: (number: string) => `Ny sak ${number} er komen inn.`,
    proposal: (number: string) =>
      `Sekretariatet foreslår ruting for sak ${number}. Godkjenn eller vel eit anna utval.`,
    routed: (number: string, forum: string) => `Saka di ${number} skal handsamast i ${forum}.`,
    reasonLabel: 'Grunngjeving:',
    returned: (number: string) =>
      `Saka di ${number} skal ikkje handsamast i helsefellesskapet og er send tilbake til deg.`,
    infoRequested: (number: string) =>
      `Sekretariatet treng meir informasjon om saka di ${number}. Svar i feltet under.`,
    infoAdded: (number: string) => `Melder har svart på spørsmålet i sak ${number}.`,
    outcome: (number: string, forum: string) => `Saka di ${number} er handsama i ${forum}.`,
    outcomeMeeting: (date: string, forumCaseNumber: string) => `Møtet ${date}, ${forumCaseNumber}. Vedtaket:`,
    forwarded: (number: string, forum: string) => `Saka di ${number} er send vidare til ${forum}.`,
    withdrawn: (number: string) => `Melder har trekt tilbake sak ${number}.`,
    reminderSecretariat: (number: string, days: number) =>
      `Påminning: sak ${number} har venta i ${days} arbeidsdagar utan at nokon har teke henne.`,
    reminderSsu: (number: string, days: number) =>
      `Påminning: forslaget til ruting av sak ${number} har venta på godkjenning i ${days} arbeidsdagar.`,
  },
  commands: {
    notAllowed: 'Det har du ikkje løyve til. Forsøket er registrert.',
    rolesHeading: 'Roller',
    rolesNone: 'Ingen har roller enno.',
    rolesUsage:
      'Skriv «roller» for lista, «gi rolle <rolle> <Azure AD-objekt-id> [utval]» eller «fjern rolle <rolle> <id> [utval]». Roller: ',
    roleGranted: (role: string, id: string) => `Rolla ${role} er gitt til ${id}. Endringa er logga.`,
    roleRevoked: (role: string, id: string) => `Rolla ${role} er fjerna frå ${id}. Endringa er logga.`,
    roleNotHeld: (role: string, id: string) => `${id} har ikkje rolla ${role}.`,
    roleInvalid: 'Rolla eller utvalet stemmer ikkje. Utvalsroller treng eit utval, dei andre ikkje.',
    notificationsHeading: 'Varsel som ikkje er komne fram',
    notificationsNone: 'Alle varsel er komne fram.',
    notificationLine: (caseNumber: string, what: string, to: string, attempts: number, error: string) =>
      `${caseNumber} · ${what} · til ${to} · ${attempts} forsøk · ${error}`,
    justificationsHeading: 'Standardgrunngjevingar',
    justificationsUsage:
      'Skriv «grunngjeving ny <tekst>», «grunngjeving endre <nr> <tekst>» eller «grunngjeving fjern <nr>».',
    justificationSaved: 'Grunngjevinga er lagra.',
    justificationRemoved: 'Grunngjevinga er fjerna.',
    justificationUnknown: 'Fann ikkje den grunngjevinga.',
  },
};

export type RoutingMessages = typeof routingNn;

const routingNb: RoutingMessages = {
  caseHeading: (number) => `Sak ${number}`,
  facts: {
    title: 'Tittel',
    submitter: 'Meldt av',
    organisation: 'Organisasjon',
    urgency: 'Hastegrad',
    priorityGroups: 'Prioriterte pasientgrupper',
    agreementParts: 'Deler av samarbeidsavtalen',
    submitted: 'Mottatt',
    viaWebForm: 'Sendt inn via nettskjemaet',
    state: 'Status',
  },
  none: '(ingen)',
  showAnswers: 'Vis alle svarene',
  answersHeading: 'Svarene fra melder',
  proposalHeading: 'Forslag fra sekretariatet',
  proposedForum: (forum, name, date) => `${forum} – foreslått av ${name} ${date}`,
  approvals: (n, required) => `Godkjent av ${n} av ${required} i SSU-ledelsen`,
  approvedBy: (name, date) => `Godkjent av ${name} ${date}`,
  chainHeading: 'Utvalg saken har vært i',
  chainRouted: (date, forum) => `${date}: sendt til ${forum}`,
  chainForwarded: (date, forum) => `${date}: sendt videre til ${forum}`,
  returnedHeading: 'Returnert med begrunnelse',
  withdrawnText: (date) => `Melder trakk saken tilbake ${date}.`,
  infoHeading: 'Spørsmål til melder',
  infoQuestion: (n, date) => `Spørsmål ${n} (${date}):`,
  infoReply: (date) => `Svar fra melder (${date}):`,
  infoWaiting: 'Venter på svar fra melder.',
  outcomeHeading: 'Utfall',
  outcomeFacts: (date, forumCaseNumber) => `Møte ${date} · ${forumCaseNumber}`,
  openMinutes: 'Åpne referatet',
  historyHeading: 'Historikk',
  events: {
    submitted: 'sendte inn saken',
    routing_proposed: 'foreslo utvalg',
    routing_approved: 'godkjente forslaget',
    routing_changed: 'valgte et annet utvalg',
    routed: 'avgjorde rutingen',
    returned: 'returnerte saken',
    info_requested: 'ba om mer informasjon',
    info_added: 'svarte på spørsmålet',
    outcome_registered: 'registrerte utfallet',
    forwarded: 'registrerte at saken ble sendt videre',
    withdrawn: 'trakk saken tilbake',
  },
  viewOnly: 'Du kan se saken, men ikke ta beslutninger i den.',
  actions: {
    propose: 'Foreslå utvalg',
    return: 'Returner saken',
    requestInfo: 'Be om mer informasjon',
    approve: 'Godkjenn forslaget',
    changeForum: 'Velg et annet utvalg',
    outcome: 'Registrer utfall',
    forward: 'Registrer videresending',
    withdraw: 'Trekk saken tilbake',
    replyInfo: 'Svar på spørsmålet',
    refresh: 'Oppdater',
    useJustification: 'Bruk og rediger teksten',
  },
  confirm: {
    propose: 'Send forslaget til SSU-ledelsen',
    return: 'Returner til melder',
    requestInfo: 'Send spørsmålet',
    approve: 'Godkjenn',
    changeForum: 'Send til dette utvalget',
    outcome: 'Registrer og send til melder',
    forward: 'Registrer',
    withdraw: 'Trekk tilbake',
    replyInfo: 'Send svaret',
  },
  inputs: {
    forum: 'Utvalg',
    comment: 'Begrunnelse',
    commentOptional: 'Kommentar (valgfritt)',
    standardJustification: 'Standardbegrunnelse (valgfritt – teksten under brukes hvis du skriver noe der)',
    justification: 'Begrunnelse til melder',
    question: 'Spørsmål til melder',
    reply: 'Svaret ditt',
    decision: 'Vedtak',
    meetingDate: 'Møtedato',
    forumCaseNumber: 'Saksnummer i utvalget, f.eks. «Sak 39/22»',
    minutesUrl: 'Lenke til referatet (https://…)',
    withdrawComment: 'Hvorfor trekker du saken? (valgfritt)',
    chooseForum: 'Velg utvalg',
    chooseJustification: 'Velg en standardbegrunnelse',
    requiredField: 'Dette feltet må fylles ut.',
  },
  errors: {
    required: (label) => `«${label}» må fylles ut.`,
    tooLong: (label, max) => `«${label}» er for lang: høyst ${max} tegn.`,
    forum: 'Velg et utvalg fra listen.',
    sameForum: 'Velg et annet utvalg enn det saken allerede er i eller er foreslått til.',
    url: 'Lenken til referatet må være en fullstendig adresse som begynner med https:// eller http://.',
    date: 'Møtedatoen er ikke en gyldig dato.',
    nationalId: (label) => `«${label}» ser ut til å inneholde et fødselsnummer. Skriv det uten.`,
    noOpenQuestion: 'Det er ikke noe åpent spørsmål å svare på i denne saken.',
  },
  notices: {
    denied:
      'Du har ikke rollen som trengs for dette steget, så ingenting er endret. Forsøket er registrert. Her er saken slik den står nå.',
    stale:
      'Saken er endret siden dette kortet ble vist, så ingenting er endret. Her er saken slik den står nå.',
    conflict:
      'Noen andre tok en beslutning i samme øyeblikk, og den ble lagret først. Ingenting av ditt er endret. Her er saken slik den står nå.',
    alreadyApplied: 'Beslutningen din er allerede registrert.',
    applied: 'Lagret.',
    invalid: 'Ingenting er lagret ennå. Se over:',
    notFound: (number) => `Fant ikke sak ${number}.`,
  },
  notify: {
    newCase: (number) => `Ny sak ${number} har kommet inn.`,
    proposal: (number) =>
      `Sekretariatet foreslår ruting for sak ${number}. Godkjenn eller velg et annet utvalg.`,
    routed: (number, forum) => `Saken din ${number} skal behandles i ${forum}.`,
    reasonLabel: 'Begrunnelse:',
    returned: (number) =>
      `Saken din ${number} skal ikke behandles i helsefellesskapet og er sendt tilbake til deg.`,
    infoRequested: (number) =>
      `Sekretariatet trenger mer informasjon om saken din ${number}. Svar i feltet under.`,
    infoAdded: (number) => `Melder har svart på spørsmålet i sak ${number}.`,
    outcome: (number, forum) => `Saken din ${number} er behandlet i ${forum}.`,
    outcomeMeeting: (date, forumCaseNumber) => `Møtet ${date}, ${forumCaseNumber}. Vedtaket:`,
    forwarded: (number, forum) => `Saken din ${number} er sendt videre til ${forum}.`,
    withdrawn: (number) => `Melder har trukket tilbake sak ${number}.`,
    reminderSecretariat: (number, days) =>
      `Påminnelse: sak ${number} har ventet i ${days} arbeidsdager uten at noen har tatt den.`,
    reminderSsu: (number, days) =>
      `Påminnelse: forslaget til ruting av sak ${number} har ventet på godkjenning i ${days} arbeidsdager.`,
  },
  commands: {
    notAllowed: 'Det har du ikke tilgang til. Forsøket er registrert.',
    rolesHeading: 'Roller',
    rolesNone: 'Ingen har roller ennå.',
    rolesUsage:
      'Skriv «roller» for listen, «gi rolle <rolle> <Azure AD-objekt-id> [utvalg]» eller «fjern rolle <rolle> <id> [utvalg]». Roller: ',
    roleGranted: (role, id) => `Rollen ${role} er gitt til ${id}. Endringen er logget.`,
    roleRevoked: (role, id) => `Rollen ${role} er fjernet fra ${id}. Endringen er logget.`,
    roleNotHeld: (role, id) => `${id} har ikke rollen ${role}.`,
    roleInvalid: 'Rollen eller utvalget stemmer ikke. Utvalgsroller trenger et utvalg, de andre ikke.',
    notificationsHeading: 'Varsler som ikke har kommet frem',
    notificationsNone: 'Alle varsler har kommet frem.',
    notificationLine: (caseNumber, what, to, attempts, error) =>
      `${caseNumber} · ${what} · til ${to} · ${attempts} forsøk · ${error}`,
    justificationsHeading: 'Standardbegrunnelser',
    justificationsUsage:
      'Skriv «begrunnelse ny <tekst>», «begrunnelse endre <nr> <tekst>» eller «begrunnelse fjern <nr>».',
    justificationSaved: 'Begrunnelsen er lagret.',
    justificationRemoved: 'Begrunnelsen er fjernet.',
    justificationUnknown: 'Fant ikke den begrunnelsen.',
  },
};

const routingEn: RoutingMessages = {
  caseHeading: (number) => `Case ${number}`,
  facts: {
    title: 'Title',
    submitter: 'Submitted by',
    organisation: 'Organisation',
    urgency: 'Urgency',
    priorityGroups: 'Priority patient groups',
    agreementParts: 'Parts of the cooperation agreement',
    submitted: 'Received',
    viaWebForm: 'Submitted on the web form',
    state: 'Status',
  },
  none: '(none)',
  showAnswers: 'Show all answers',
  answersHeading: "The submitter's answers",
  proposalHeading: "The secretariat's proposal",
  proposedForum: (forum, name, date) => `${forum} – proposed by ${name} ${date}`,
  approvals: (n, required) => `Approved by ${n} of ${required} of the SSU leadership`,
  approvedBy: (name, date) => `Approved by ${name} ${date}`,
  chainHeading: 'Committees the case has been in',
  chainRouted: (date, forum) => `${date}: sent to ${forum}`,
  chainForwarded: (date, forum) => `${date}: sent on to ${forum}`,
  returnedHeading: 'Returned with the reasons',
  withdrawnText: (date) => `The submitter withdrew the case ${date}.`,
  infoHeading: 'Questions to the submitter',
  infoQuestion: (n, date) => `Question ${n} (${date}):`,
  infoReply: (date) => `The submitter's reply (${date}):`,
  infoWaiting: 'Waiting for the submitter to reply.',
  outcomeHeading: 'Outcome',
  outcomeFacts: (date, forumCaseNumber) => `Meeting ${date} · ${forumCaseNumber}`,
  openMinutes: 'Open the minutes',
  historyHeading: 'History',
  events: {
    submitted: 'submitted the case',
    routing_proposed: 'proposed a committee',
    routing_approved: 'approved the proposal',
    routing_changed: 'chose another committee',
    routed: 'decided the routing',
    returned: 'returned the case',
    info_requested: 'asked for more information',
    info_added: 'answered the question',
    outcome_registered: 'registered the outcome',
    forwarded: 'recorded that the case was sent on',
    withdrawn: 'withdrew the case',
  },
  viewOnly: 'You can see the case, but not take decisions in it.',
  actions: {
    propose: 'Propose a committee',
    return: 'Return the case',
    requestInfo: 'Ask for more information',
    approve: 'Approve the proposal',
    changeForum: 'Choose another committee',
    outcome: 'Register the outcome',
    forward: 'Record forwarding',
    withdraw: 'Withdraw the case',
    replyInfo: 'Answer the question',
    refresh: 'Refresh',
    useJustification: 'Use and edit the text',
  },
  confirm: {
    propose: 'Send the proposal to the SSU leadership',
    return: 'Return to the submitter',
    requestInfo: 'Send the question',
    approve: 'Approve',
    changeForum: 'Send to this committee',
    outcome: 'Register and tell the submitter',
    forward: 'Record',
    withdraw: 'Withdraw',
    replyInfo: 'Send the answer',
  },
  inputs: {
    forum: 'Committee',
    comment: 'Reasons',
    commentOptional: 'Comment (optional)',
    standardJustification: 'Standard reason (optional – the text below is used if you write anything there)',
    justification: 'Reasons for the submitter',
    question: 'Question to the submitter',
    reply: 'Your answer',
    decision: 'Decision',
    meetingDate: 'Meeting date',
    forumCaseNumber: 'The committee\'s case number, e.g. "Sak 39/22"',
    minutesUrl: 'Link to the minutes (https://…)',
    withdrawComment: 'Why are you withdrawing the case? (optional)',
    chooseForum: 'Choose a committee',
    chooseJustification: 'Choose a standard reason',
    requiredField: 'This field must be filled in.',
  },
  errors: {
    required: (label) => `"${label}" must be filled in.`,
    tooLong: (label, max) => `"${label}" is too long: at most ${max} characters.`,
    forum: 'Choose a committee from the list.',
    sameForum: 'Choose another committee than the one the case is in or proposed for.',
    url: 'The link to the minutes must be a full address starting with https:// or http://.',
    date: 'The meeting date is not a valid date.',
    nationalId: (label) => `"${label}" seems to contain a national identity number. Please leave it out.`,
    noOpenQuestion: 'There is no open question to answer in this case.',
  },
  notices: {
    denied:
      'You do not have the role this step needs, so nothing was changed. The attempt has been recorded. This is the case as it stands.',
    stale:
      'The case has changed since this card was shown, so nothing was changed. This is the case as it stands.',
    conflict:
      'Someone else decided at the same moment and theirs was saved first. Nothing of yours was changed. This is the case as it stands.',
    alreadyApplied: 'Your decision is already registered.',
    applied: 'Saved.',
    invalid: 'Nothing has been saved yet. Please check:',
    notFound: (number) => `Case ${number} was not found.`,
  },
  notify: {
    newCase: (number) => `New case ${number} has arrived.`,
    proposal: (number) =>
      `The secretariat proposes routing for case ${number}. Approve it or choose another committee.`,
    routed: (number, forum) => `Your case ${number} will be handled by ${forum}.`,
    reasonLabel: 'Reasons:',
    returned: (number) =>
      `Your case ${number} will not be handled by the health partnership and has been returned to you.`,
    infoRequested: (number) =>
      `The secretariat needs more information about your case ${number}. Please answer in the field below.`,
    infoAdded: (number) => `The submitter has answered the question in case ${number}.`,
    outcome: (number, forum) => `Your case ${number} has been handled by ${forum}.`,
    outcomeMeeting: (date, forumCaseNumber) => `The meeting of ${date}, ${forumCaseNumber}. The decision:`,
    forwarded: (number, forum) => `Your case ${number} has been sent on to ${forum}.`,
    withdrawn: (number) => `The submitter has withdrawn case ${number}.`,
    reminderSecretariat: (number, days) =>
      `Reminder: case ${number} has waited ${days} working days without anyone taking it.`,
    reminderSsu: (number, days) =>
      `Reminder: the routing proposal for case ${number} has waited ${days} working days for approval.`,
  },
  commands: {
    notAllowed: 'You are not allowed to do that. The attempt has been recorded.',
    rolesHeading: 'Roles',
    rolesNone: 'Nobody has a role yet.',
    rolesUsage:
      'Type "roles" for the list, "grant role <role> <Azure AD object id> [committee]" or "revoke role <role> <id> [committee]". Roles: ',
    roleGranted: (role, id) => `${id} now has the role ${role}. The change is logged.`,
    roleRevoked: (role, id) => `The role ${role} was removed from ${id}. The change is logged.`,
    roleNotHeld: (role, id) => `${id} does not have the role ${role}.`,
    roleInvalid: 'The role or committee is not right. Committee roles need a committee, the others do not.',
    notificationsHeading: 'Notifications that did not arrive',
    notificationsNone: 'All notifications have arrived.',
    notificationLine: (caseNumber, what, to, attempts, error) =>
      `${caseNumber} · ${what} · to ${to} · ${attempts} attempts · ${error}`,
    justificationsHeading: 'Standard reasons',
    justificationsUsage: 'Type "reason new <text>", "reason edit <no> <text>" or "reason remove <no>".',
    justificationSaved: 'The reason has been saved.',
    justificationRemoved: 'The reason has been removed.',
    justificationUnknown: 'That reason was not found.',
  },
};

const routingCatalog: Record<Lang, RoutingMessages> = { nn: routingNn, nb: routingNb, en: routingEn };

export function routingMessages(lang: Lang): RoutingMessages {
  return routingCatalog[lang];
}

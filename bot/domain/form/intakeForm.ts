import type { Localized } from '../i18n/language';
import { AGREEMENT_PARTS, PRIORITY_GROUPS, type ReferenceOption } from '../partnership';

/**
 * The intake form ("Skjema for innmelding av saker", seed 000) as data. The dialog, the summary and
 * receipt cards, the tab and the tests all read this one definition: questions in the form's order,
 * the form's own wording, a hint of what a good answer holds, and the rules each answer must meet.
 */
export type FieldKind = 'text' | 'longText' | 'email' | 'phone' | 'singleChoice' | 'multiChoice';

export interface FormField {
  id: FieldId;
  kind: FieldKind;
  required: boolean;
  /** Characters; long texts fit comfortably in one Table Storage property (64 KiB). */
  maxLength: number;
  /** Short label on the summary and receipt cards. */
  label: Localized;
  /** The question as the bot asks it. */
  prompt: Localized;
  /** What a good answer contains. */
  hint: Localized;
  options?: ReferenceOption[];
  /** Teams profile value offered for confirmation instead of asking from scratch. */
  prefill?: 'name' | 'email';
}

export interface FormSection {
  /** 1-based; the title is question 1, so the form's eleven questions are 2-12. */
  number: number;
  heading: Localized;
  fields: FormField[];
}

export const FIELD_IDS = [
  'title',
  'submitterName',
  'organisation',
  'email',
  'phone',
  'internalRef',
  'background',
  'urgency',
  'whatFails',
  'patientGroups',
  'priorityGroups',
  'serviceProviders',
  'changeNeeds',
  'previousAttempts',
  'solution',
  'economy',
  'agreementParts',
  'references',
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

export const LONG_TEXT_MAX = 4000;

const URGENCY_OPTIONS: ReferenceOption[] = [
  { value: 'low', label: { nn: 'Låg', nb: 'Lav', en: 'Low' } },
  { value: 'medium', label: { nn: 'Middels', nb: 'Middels', en: 'Medium' } },
  { value: 'high', label: { nn: 'Høg – hastar', nb: 'Høy – haster', en: 'High – urgent' } },
];

const longText = (
  id: FieldId,
  required: boolean,
  label: Localized,
  prompt: Localized,
  hint: Localized,
): FormField => ({ id, kind: 'longText', required, maxLength: LONG_TEXT_MAX, label, prompt, hint });

export const INTAKE_FORM: FormSection[] = [
  {
    number: 1,
    heading: { nn: 'Tittel', nb: 'Tittel', en: 'Title' },
    fields: [
      {
        id: 'title',
        kind: 'text',
        required: true,
        maxLength: 150,
        label: { nn: 'Tittel', nb: 'Tittel', en: 'Title' },
        prompt: {
          nn: 'Kva vil du kalle saka? Skriv ein kort tittel.',
          nb: 'Hva vil du kalle saken? Skriv en kort tittel.',
          en: 'What would you call the case? Write a short title.',
        },
        hint: {
          nn: 'Éi linje som seier kva saka gjeld, til dømes «Felles satsing på koordinering og individuell plan».',
          nb: 'Én linje som sier hva saken gjelder, for eksempel «Felles satsing på koordinering og individuell plan».',
          en: 'One line saying what the case is about, for example "A joint effort on coordination and individual plans".',
        },
      },
    ],
  },
  {
    number: 2,
    heading: { nn: 'Kven melder saka?', nb: 'Hvem melder saken?', en: 'Who is submitting the case?' },
    fields: [
      {
        id: 'submitterName',
        kind: 'text',
        required: true,
        maxLength: 200,
        prefill: 'name',
        label: { nn: 'Namn', nb: 'Navn', en: 'Name' },
        prompt: { nn: 'Kva heiter du?', nb: 'Hva heter du?', en: 'What is your name?' },
        hint: { nn: 'Fullt namn.', nb: 'Fullt navn.', en: 'Your full name.' },
      },
      {
        id: 'organisation',
        kind: 'text',
        required: true,
        maxLength: 300,
        label: { nn: 'Organisasjon og rolle', nb: 'Organisasjon og rolle', en: 'Organisation and role' },
        prompt: {
          nn: 'Kva organisasjon melder du saka frå, og kva rolle har du?',
          nb: 'Hvilken organisasjon melder du saken fra, og hvilken rolle har du?',
          en: 'Which organisation are you submitting the case from, and what is your role?',
        },
        hint: {
          nn: 'Til dømes «Ørsta kommune, einingsleiar», «Fagleg samarbeidsutval for rehabilitering v/ leiar» eller «innbyggjar» / «pårørande».',
          nb: 'For eksempel «Ørsta kommune, enhetsleder», «Faglig samarbeidsutvalg for rehabilitering v/ leder» eller «innbygger» / «pårørende».',
          en: 'For example "Ørsta municipality, unit manager", "Professional committee for rehabilitation, chair" or "citizen" / "relative".',
        },
      },
      {
        id: 'email',
        kind: 'email',
        required: true,
        maxLength: 254,
        prefill: 'email',
        label: { nn: 'E-post', nb: 'E-post', en: 'E-mail' },
        prompt: {
          nn: 'Kva e-postadresse kan vi nå deg på?',
          nb: 'Hvilken e-postadresse kan vi nå deg på?',
          en: 'Which e-mail address can we reach you at?',
        },
        hint: {
          nn: 'Til dømes namn@kommune.no.',
          nb: 'For eksempel navn@kommune.no.',
          en: 'For example name@kommune.no.',
        },
      },
      {
        id: 'phone',
        kind: 'phone',
        required: false,
        maxLength: 30,
        label: { nn: 'Telefon', nb: 'Telefon', en: 'Phone' },
        prompt: {
          nn: 'Kva telefonnummer kan vi nå deg på?',
          nb: 'Hvilket telefonnummer kan vi nå deg på?',
          en: 'Which phone number can we reach you at?',
        },
        hint: {
          nn: 'Åtte siffer, eller med landskode (+47 …). Valfritt.',
          nb: 'Åtte sifre, eller med landskode (+47 …). Valgfritt.',
          en: 'Eight digits, or with a country code (+47 …). Optional.',
        },
      },
    ],
  },
  {
    number: 3,
    heading: {
      nn: 'Melders dato og eventuelt internt saksnummer',
      nb: 'Melders dato og eventuelt internt saksnummer',
      en: "Submitter's date and internal case number, if any",
    },
    fields: [
      {
        id: 'internalRef',
        kind: 'text',
        required: false,
        maxLength: 100,
        label: { nn: 'Internt saksnummer', nb: 'Internt saksnummer', en: 'Internal case number' },
        prompt: {
          nn: 'Datoen blir dagens dato. Har saka eit internt saksnummer hos dykk?',
          nb: 'Datoen blir dagens dato. Har saken et internt saksnummer hos dere?',
          en: "The date will be today's. Does the case have an internal case number in your organisation?",
        },
        hint: {
          nn: 'Til dømes «24/1234». Valfritt.',
          nb: 'For eksempel «24/1234». Valgfritt.',
          en: 'For example "24/1234". Optional.',
        },
      },
    ],
  },
  {
    number: 4,
    heading: {
      nn: 'Bakgrunn for ønske om behandling og hastegrad',
      nb: 'Bakgrunn for ønske om behandling og hastegrad',
      en: 'Background for the request and urgency',
    },
    fields: [
      longText(
        'background',
        true,
        { nn: 'Bakgrunn', nb: 'Bakgrunn', en: 'Background' },
        {
          nn: 'Kva er bakgrunnen for at du ønskjer at helsefellesskapet handsamar saka?',
          nb: 'Hva er bakgrunnen for at du ønsker at helsefellesskapet behandler saken?',
          en: 'Why would you like the health partnership to handle this case?',
        },
        {
          nn: 'Kva har skjedd, kven det gjeld, og kvifor saka høyrer heime i helsefellesskapet. Fleire avsnitt går fint.',
          nb: 'Hva som har skjedd, hvem det gjelder, og hvorfor saken hører hjemme i helsefellesskapet. Flere avsnitt går fint.',
          en: 'What has happened, who it concerns, and why it belongs in the partnership. Several paragraphs are fine.',
        },
      ),
      {
        id: 'urgency',
        kind: 'singleChoice',
        required: true,
        maxLength: 40,
        options: URGENCY_OPTIONS,
        label: { nn: 'Hastegrad', nb: 'Hastegrad', en: 'Urgency' },
        prompt: { nn: 'Kor mykje hastar saka?', nb: 'Hvor mye haster saken?', en: 'How urgent is the case?' },
        hint: {
          nn: 'Vel eitt alternativ.',
          nb: 'Velg ett alternativ.',
          en: 'Choose one.',
        },
      },
    ],
  },
  {
    number: 5,
    heading: {
      nn: 'Kan du sette fingeren på kva som gjer at det ikkje fungerer?',
      nb: 'Kan du sette fingeren på hva som gjør at det ikke fungerer?',
      en: 'Can you put your finger on what is not working?',
    },
    fields: [
      longText(
        'whatFails',
        true,
        { nn: 'Kva fungerer ikkje', nb: 'Hva fungerer ikke', en: 'What is not working' },
        {
          nn: 'Kan du sette fingeren på kva som gjer at det ikkje fungerer?',
          nb: 'Kan du sette fingeren på hva som gjør at det ikke fungerer?',
          en: 'Can you put your finger on what is not working?',
        },
        {
          nn: 'Kvar i samhandlinga svikt det – mellom nivå, innad i sjukehuset eller innad i kommunen?',
          nb: 'Hvor i samhandlingen svikter det – mellom nivåene, i sykehuset eller i kommunen?',
          en: 'Where does cooperation fail – between levels, inside the hospital or inside the municipality?',
        },
      ),
    ],
  },
  {
    number: 6,
    heading: {
      nn: 'Kva for pasientgrupper blir ramma (døme)?',
      nb: 'Hvilke pasientgrupper blir rammet (eksempel)?',
      en: 'Which patient groups are affected (examples)?',
    },
    fields: [
      longText(
        'patientGroups',
        true,
        { nn: 'Pasientgrupper', nb: 'Pasientgrupper', en: 'Patient groups' },
        {
          nn: 'Gje gjerne døme på kva for grupper det gjeld.',
          nb: 'Gi gjerne eksempler på hvilke grupper det gjelder.',
          en: 'Examples of the groups concerned are welcome.',
        },
        {
          nn: 'Beskriv grupper, ikkje enkeltpersonar: saka skal ikkje kunne identifisere ein pasient.',
          nb: 'Beskriv grupper, ikke enkeltpersoner: saken skal ikke kunne identifisere en pasient.',
          en: 'Describe groups, not individuals: the case must not identify a patient.',
        },
      ),
      {
        id: 'priorityGroups',
        kind: 'multiChoice',
        required: false,
        maxLength: 400,
        options: PRIORITY_GROUPS,
        label: { nn: 'Prioriterte grupper', nb: 'Prioriterte grupper', en: 'Priority groups' },
        prompt: {
          nn: 'Gjeld saka nokon av dei fire prioriterte pasientgruppene i helsefellesskapet?',
          nb: 'Gjelder saken noen av de fire prioriterte pasientgruppene i helsefellesskapet?',
          en: "Does the case concern any of the partnership's four priority patient groups?",
        },
        hint: {
          nn: 'Vel ingen, éi eller fleire. Du kan òg skrive nummera, til dømes «1, 3».',
          nb: 'Velg ingen, én eller flere. Du kan også skrive numrene, for eksempel «1, 3».',
          en: 'Choose none, one or several. You can also type the numbers, for example "1, 3".',
        },
      },
    ],
  },
  {
    number: 7,
    heading: {
      nn: 'Kva for tenesteleverandørar er samhandlingspartar i dag?',
      nb: 'Hvilke tjenesteleverandører er samhandlingsparter i dag?',
      en: 'Which service providers cooperate on this today?',
    },
    fields: [
      longText(
        'serviceProviders',
        false,
        { nn: 'Samhandlingspartar', nb: 'Samhandlingsparter', en: 'Cooperating providers' },
        {
          nn: 'Kva for tenesteleverandørar er samhandlingspartar i dag?',
          nb: 'Hvilke tjenesteleverandører er samhandlingsparter i dag?',
          en: 'Which service providers cooperate on this today?',
        },
        {
          nn: 'Til dømes fastlege, heimeteneste, avdelingar i helseføretaket. Valfritt.',
          nb: 'For eksempel fastlege, hjemmetjeneste, avdelinger i helseforetaket. Valgfritt.',
          en: 'For example GPs, home care, hospital departments. Optional.',
        },
      ),
    ],
  },
  {
    number: 8,
    heading: {
      nn: 'Vil endringsforslaget innebere behov for organisatorisk og/eller teknologisk endring?',
      nb: 'Vil endringsforslaget innebære behov for organisatorisk og/eller teknologisk endring?',
      en: 'Would the proposal need organisational and/or technological change?',
    },
    fields: [
      longText(
        'changeNeeds',
        false,
        {
          nn: 'Organisatorisk/teknologisk endring',
          nb: 'Organisatorisk/teknologisk endring',
          en: 'Organisational/technological change',
        },
        {
          nn: 'Vil endringsforslaget innebere behov for organisatorisk og/eller teknologisk endring?',
          nb: 'Vil endringsforslaget innebære behov for organisatorisk og/eller teknologisk endring?',
          en: 'Would the proposal need organisational and/or technological change?',
        },
        {
          nn: 'Nye rutinar, roller, system eller verktøy som trengst. Valfritt.',
          nb: 'Nye rutiner, roller, systemer eller verktøy som trengs. Valgfritt.',
          en: 'New routines, roles, systems or tools that are needed. Optional.',
        },
      ),
    ],
  },
  {
    number: 9,
    heading: {
      nn: 'Er saka eller liknande saker forsøkt løyst tidlegare?',
      nb: 'Er saken eller lignende saker forsøkt løst tidligere?',
      en: 'Has this or a similar case been tried before?',
    },
    fields: [
      longText(
        'previousAttempts',
        false,
        { nn: 'Tidlegare forsøk', nb: 'Tidligere forsøk', en: 'Earlier attempts' },
        {
          nn: 'Er saka eller liknande saker forsøkt løyst tidlegare?',
          nb: 'Er saken eller lignende saker forsøkt løst tidligere?',
          en: 'Has this or a similar case been tried before?',
        },
        {
          nn: 'Kva vart prøvd, av kven, og korleis gjekk det. Valfritt.',
          nb: 'Hva ble prøvd, av hvem, og hvordan gikk det. Valgfritt.',
          en: 'What was tried, by whom, and how it went. Optional.',
        },
      ),
    ],
  },
  {
    number: 10,
    heading: {
      nn: 'Korleis ser du for deg at dette kan løysast / bli betre? Gevinstar og nytte',
      nb: 'Hvordan ser du for deg at dette kan løses / bli bedre? Gevinster og nytte',
      en: 'How could this be solved or improved? Gains and benefits',
    },
    fields: [
      longText(
        'solution',
        true,
        {
          nn: 'Løysing, gevinstar og nytte',
          nb: 'Løsning, gevinster og nytte',
          en: 'Solution, gains and benefits',
        },
        {
          nn: 'Korleis ser du for deg at dette kan løysast eller bli betre? Kva er gevinstane og nytta?',
          nb: 'Hvordan ser du for deg at dette kan løses eller bli bedre? Hva er gevinstene og nytten?',
          en: 'How do you see this being solved or improved? What are the gains and benefits?',
        },
        {
          nn: 'Forslag til tiltak, kven som bør vere med, og kva pasientane og tenestene vinn.',
          nb: 'Forslag til tiltak, hvem som bør være med, og hva pasientene og tjenestene vinner.',
          en: 'Proposed measures, who should take part, and what patients and services gain.',
        },
      ),
    ],
  },
  {
    number: 11,
    heading: {
      nn: 'Økonomiske konsekvensar',
      nb: 'Økonomiske konsekvenser',
      en: 'Economic consequences',
    },
    fields: [
      longText(
        'economy',
        false,
        { nn: 'Økonomiske konsekvensar', nb: 'Økonomiske konsekvenser', en: 'Economic consequences' },
        {
          nn: 'Kva økonomiske konsekvensar har saka (kostnader, ressursbehov, økonomisk gevinst)?',
          nb: 'Hvilke økonomiske konsekvenser har saken (kostnader, ressursbehov, økonomisk gevinst)?',
          en: 'What are the economic consequences (costs, resources needed, financial gains)?',
        },
        {
          nn: 'Eit grovt overslag er nok. Valfritt.',
          nb: 'Et grovt overslag er nok. Valgfritt.',
          en: 'A rough estimate is enough. Optional.',
        },
      ),
    ],
  },
  {
    number: 12,
    heading: {
      nn: 'Referansar og dokumentasjon',
      nb: 'Referanser og dokumentasjon',
      en: 'References and documentation',
    },
    fields: [
      {
        id: 'agreementParts',
        kind: 'multiChoice',
        required: false,
        maxLength: 400,
        options: AGREEMENT_PARTS,
        label: {
          nn: 'Samarbeidsavtalens avtalepunkt',
          nb: 'Samarbeidsavtalens avtalepunkt',
          en: 'Parts of the cooperation agreement',
        },
        prompt: {
          nn: 'Kva delar av samarbeidsavtalen er relevante for saka?',
          nb: 'Hvilke deler av samarbeidsavtalen er relevante for saken?',
          en: 'Which parts of the cooperation agreement are relevant to the case?',
        },
        hint: {
          nn: 'Vel éin eller fleire, eller ingen. Du kan òg skrive nummera, til dømes «1, 2».',
          nb: 'Velg én eller flere, eller ingen. Du kan også skrive numrene, for eksempel «1, 2».',
          en: 'Choose one or several, or none. You can also type the numbers, for example "1, 2".',
        },
      },
      longText(
        'references',
        false,
        { nn: 'Referansar', nb: 'Referanser', en: 'References' },
        {
          nn: 'Lovgjeving, offentlege og faglege utgreiingar og anbefalingar som saka byggjer på.',
          nb: 'Lovverk, offentlige og faglige utredninger og anbefalinger som saken bygger på.',
          en: 'Legislation, public and professional reports and recommendations the case builds on.',
        },
        {
          nn: 'Tekst og lenkjer, gjerne éi per linje. Valfritt.',
          nb: 'Tekst og lenker, gjerne én per linje. Valgfritt.',
          en: 'Text and links, ideally one per line. Optional.',
        },
      ),
    ],
  },
];

export const SECTION_COUNT = INTAKE_FORM.length;

/** Every field in the order the bot asks them. */
export const FORM_FIELDS: FormField[] = INTAKE_FORM.flatMap((section) => section.fields);

export function fieldById(id: string): FormField | undefined {
  return FORM_FIELDS.find((f) => f.id === id);
}

export function sectionOf(id: FieldId): FormSection {
  const section = INTAKE_FORM.find((s) => s.fields.some((f) => f.id === id));
  if (!section) throw new Error(`Field ${id} is in no section`);
  return section;
}

/** A stored answer: text for text fields, option values for choices. */
export type AnswerValue = string | string[];
export type Answers = Partial<Record<FieldId, AnswerValue>>;

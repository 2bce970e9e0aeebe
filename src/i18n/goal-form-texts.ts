import type { FieldErrorCode } from '../domain/submission';
import type { Assessment, ValueType } from '../domain/vocabulary';
import type { Locale } from './locale';

/** What a field error may name besides its code: the expected unit, a limit, the suggestion, the compared values. */
export interface FieldErrorDetail {
  /** The unit the indicator is given in (`%`, `mnkr`) and an example in it. */
  unit?: { name: string; example: string };
  /** The field's length limit. */
  max?: number;
  /** Where an over-long input was cut before it was shown back. */
  cut?: number;
  /** The suggested bedömning, by name ("Röd"). */
  suggested?: string;
  /** A questioned value and the references it is far from, formatted. */
  implausible?: { value: string; target: string | null; previous: string | null };
}

const q = (text: string) => `”${text}”`;
const count = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE').format(n).replace(/[\u0020\u202F]/gu, '\u00A0');

/**
 * An utfall typed the way the indicator is measured (`unit`: its currency scale); the locale's
 * decimal sign (both are parsed). English examples have no thousands comma: a lone `21,707` is
 * read the Swedish way (21,707 = 21.707), so typing it ungrouped is the safe advice.
 */
function example(valueType: ValueType, unit: string | null, decimal: ',' | '.'): string {
  const group = decimal === ',' ? '\u00A0' : '';
  switch (valueType) {
    case 'percent':
      return `4${decimal}4\u00A0%`;
    case 'currency':
      if (unit === 'mnkr') return `-24${decimal}6\u00A0mnkr`;
      return unit === 'tkr' ? `-1${group}250\u00A0tkr` : unit === 'kr' ? `21${group}707\u00A0kr` : `21${group}707`;
    default:
      return '78';
  }
}

const SV = {
  labels: {
    outcome: 'Utfall',
    comment: 'Kommentar',
    assessment: 'Bedömning',
    notAvailable: 'Ej tillgängligt / mäts senare',
    target: 'Målvärde',
    previous: 'Förra perioden',
    analysis: 'Analys',
    goalAssessment: 'Bedömning av målet',
    commentPlaceholder: 'Krävs vid gul eller röd bedömning, och som skäl när utfall saknas',
    analysisPlaceholder: 'Hur går arbetet mot målet, och vad görs? Krävs vid gul eller röd bedömning.',
  },
  /** The utfall field's placeholder for an indicator of this type, in its unit (currency: kr, tkr or mnkr). */
  outcomePlaceholder: (valueType: ValueType, unit: string | null) =>
    valueType === 'text' ? 'Beskriv utfallet' : `T.ex. ${example(valueType, unit, ',')}`,
  outcomeExample: (valueType: ValueType, unit: string | null) => example(valueType, unit, ','),
  yes: 'Ja',
  no: 'Nej',
  noAssessment: 'Ingen bedömning',
  /** Short names of the bedömningar, for sentences. */
  assessmentNames: { achieved: 'Grön', partly: 'Gul', not_achieved: 'Röd', not_measured: 'Grå' } satisfies Record<Assessment, string>,
  /** Beside the bedömning: what the target suggests, and that it applies when none is chosen. */
  suggestion: (name: string, applies: boolean) =>
    applies
      ? `Föreslagen utifrån målvärdet: ${name}. Den gäller om du inte väljer en egen bedömning.`
      : `Föreslagen utifrån målvärdet: ${name}.`,
  invalid: 'Något behöver rättas innan det kan sparas. Se markeringarna nedan – det du skrev finns kvar.',
  confirm: 'Kontrollera det markerade värdet. Stämmer det, spara igen – det du skrev finns kvar.',
  conflict: (names: string) =>
    `${names} har ändrat samma svar medan du skrev. De aktuella värdena visas nedan; dina ändringar av dem sparades inte.`,
  conflictMine:
    'Du har ändrat samma svar i ett annat fönster. De aktuella värdena visas nedan; ändringarna från det här fönstret sparades inte.',
  conflictGone: 'Svaret har ändrats sedan formuläret öppnades, så dina ändringar av det sparades inte. Formuläret visar nu det som gäller.',
  othersSaved: 'Övriga svar sparades.',
  fieldError: (code: FieldErrorCode, typed: string, detail: FieldErrorDetail = {}): string => {
    switch (code) {
      case 'empty':
        return 'Fyll i ett värde.';
      case 'not_a_number':
        return `${q(typed)} är inte ett tal. Skriv t.ex. 5,4 eller 21 707. Beskrivningar hör hemma i kommentaren.`;
      case 'multiple_decimal_separators':
        return `${q(typed)} är inte ett tal: det har flera decimaltecken.`;
      case 'ambiguous_decimal_point':
        return `${q(typed)} är tvetydigt. Skriv decimaler med komma (1,6) och tusental med mellanslag (1 600).`;
      case 'invalid_digit_grouping':
        return `${q(typed)} är inte ett tal: tusentalsgrupper ska ha tre siffror.`;
      case 'unit_mismatch':
        return detail.unit
          ? `${q(typed)} har fel enhet: det här mätetalet anges i ${detail.unit.name}, t.ex. ${detail.unit.example}.`
          : `${q(typed)} har fel enhet för det här mätetalet.`;
      case 'percent_out_of_range':
        return `${q(typed)} är orimligt som procent.`;
      case 'not_yes_no':
        return `Svara Ja eller Nej (inte ${q(typed)}).`;
      case 'too_long':
        return detail.max === undefined ? 'Texten är för lång.' : `Texten är för lång: högst ${count(detail.max, 'sv')} tecken.`;
      case 'input_too_long':
        return `Texten är för lång (över ${count(detail.cut ?? 0, 'sv')} tecken) och sparades inte. Här visas bara början – korta den${detail.max === undefined ? '' : ` till högst ${count(detail.max, 'sv')} tecken`} och spara igen.`;
      case 'invalid_input':
        return 'Fältet innehöll något som inte är text och har inte sparats.';
      case 'invalid_assessment':
        return 'Välj en bedömning i listan.';
      case 'comment_required':
        return 'Skriv en kommentar: gul eller röd bedömning ska förklaras.';
      case 'comment_required_suggested':
        return `Skriv en kommentar: ${detail.suggested ?? 'Gul eller Röd'} föreslås utifrån målvärdet, och en gul eller röd bedömning ska förklaras. Välj en annan bedömning om förslaget inte stämmer.`;
      case 'reason_required':
        return 'Skriv varför utfallet inte är tillgängligt.';
      case 'outcome_required':
        return 'Fyll i utfall, eller markera Ej tillgängligt, innan du gör en bedömning.';
      case 'analysis_required':
        return 'Skriv en analys: varför nåddes målet inte, och vad görs?';
      case 'analysis_required_partly':
        return 'Skriv en analys: målet är delvis uppnått – vad återstår, och vad görs?';
      case 'implausible': {
        const far = detail.implausible;
        if (!far) return 'Värdet ligger långt från det väntade – stämmer det? Spara igen för att bekräfta.';
        const from = [far.target === null ? '' : `målvärdet ${far.target}`, far.previous === null ? '' : `förra periodens ${far.previous}`]
          .filter((part) => part !== '')
          .join(' och ');
        return `Värdet ${far.value} ligger långt från ${from} – stämmer det? Spara igen för att bekräfta.`;
      }
    }
  },
};

type GoalFormTexts = typeof SV;

const EN: GoalFormTexts = {
  labels: {
    outcome: 'Outcome',
    comment: 'Comment',
    assessment: 'Assessment',
    notAvailable: 'Not available / measured later',
    target: 'Target',
    previous: 'Previous period',
    analysis: 'Analysis',
    goalAssessment: 'Assessment of the goal',
    commentPlaceholder: 'Required for a yellow or red assessment, and as the reason when there is no outcome',
    analysisPlaceholder: 'How is the work towards the goal going, and what is being done? Required for a yellow or red assessment.',
  },
  outcomePlaceholder: (valueType, unit) => (valueType === 'text' ? 'Describe the outcome' : `E.g. ${example(valueType, unit, '.')}`),
  outcomeExample: (valueType, unit) => example(valueType, unit, '.'),
  yes: 'Yes',
  no: 'No',
  noAssessment: 'No assessment',
  assessmentNames: { achieved: 'Green', partly: 'Yellow', not_achieved: 'Red', not_measured: 'Grey' },
  suggestion: (name, applies) =>
    applies
      ? `Suggested from the target: ${name}. It applies unless you choose an assessment of your own.`
      : `Suggested from the target: ${name}.`,
  invalid: 'Something needs fixing before it can be saved. See the marks below – what you typed is kept.',
  confirm: 'Check the marked value. If it is right, save again – what you typed is kept.',
  conflict: (names) =>
    `${names} changed the same answers while you were typing. The current values are shown below; your changes to them were not saved.`,
  conflictMine:
    'You changed the same answer in another window. The current values are shown below; the changes from this window were not saved.',
  conflictGone: 'The answer has changed since the form was opened, so your changes to it were not saved. The form now shows what applies.',
  othersSaved: 'Your other answers were saved.',
  fieldError: (code, typed, detail = {}) => {
    const quoted = `"${typed}"`;
    switch (code) {
      case 'empty':
        return 'Fill in a value.';
      case 'not_a_number':
        return `${quoted} is not a number. Write e.g. 5.4 or 21 707. Descriptions belong in the comment.`;
      case 'multiple_decimal_separators':
        return `${quoted} is not a number: it has more than one decimal sign.`;
      case 'ambiguous_decimal_point':
        return `${quoted} is ambiguous. Write thousands with a space (1 600) and decimals with one sign (1.6 or 1,6).`;
      case 'invalid_digit_grouping':
        return `${quoted} is not a number: groups of thousands have three digits.`;
      case 'unit_mismatch':
        return detail.unit
          ? `${quoted} has the wrong unit: this indicator is given in ${detail.unit.name}, e.g. ${detail.unit.example}.`
          : `${quoted} has the wrong unit for this indicator.`;
      case 'percent_out_of_range':
        return `${quoted} is not a sensible percentage.`;
      case 'not_yes_no':
        return `Answer Yes or No (not ${quoted}).`;
      case 'too_long':
        return detail.max === undefined ? 'The text is too long.' : `The text is too long: at most ${count(detail.max, 'en')} characters.`;
      case 'input_too_long':
        return `The text is too long (over ${count(detail.cut ?? 0, 'en')} characters) and was not saved. Only its beginning is shown here – shorten it${detail.max === undefined ? '' : ` to at most ${count(detail.max, 'en')} characters`} and save again.`;
      case 'invalid_input':
        return 'The field held something that is not text and was not saved.';
      case 'invalid_assessment':
        return 'Choose an assessment from the list.';
      case 'comment_required':
        return 'Write a comment: a yellow or red assessment must be explained.';
      case 'comment_required_suggested':
        return `Write a comment: ${detail.suggested ?? 'Yellow or Red'} is suggested from the target, and a yellow or red assessment must be explained. Choose another assessment if the suggestion is wrong.`;
      case 'reason_required':
        return 'Write why the outcome is not available.';
      case 'outcome_required':
        return 'Fill in the outcome, or mark Not available, before assessing.';
      case 'analysis_required':
        return 'Write an analysis: why was the goal not reached, and what is being done?';
      case 'analysis_required_partly':
        return 'Write an analysis: the goal is partly achieved – what remains, and what is being done?';
      case 'implausible': {
        const far = detail.implausible;
        if (!far) return 'The value is far from what was expected – is it right? Save again to confirm.';
        const from = [
          far.target === null ? '' : `the target ${far.target}`,
          far.previous === null ? '' : `the previous period's ${far.previous}`,
        ]
          .filter((part) => part !== '')
          .join(' and ');
        return `The value ${far.value} is far from ${from} – is it right? Save again to confirm.`;
      }
    }
  },
};

/** The goal form's own texts: labels, placeholders, suggestions and every message beside a field. */
export function goalFormTexts(locale: Locale): GoalFormTexts {
  return locale === 'en' ? EN : SV;
}

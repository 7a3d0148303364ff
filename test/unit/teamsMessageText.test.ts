import assert from 'node:assert/strict';
import { messageText, textFromTeamsHtml } from '../../bot/teams/teamsMessageText';

describe('multi-line messages from Teams (text/html attachment)', () => {
  const cases: [string, string, string][] = [
    [
      'paragraphs with an empty line between',
      '<p>Første avsnitt.</p><p>&nbsp;</p><p>Andre avsnitt.</p>',
      'Første avsnitt.\n\nAndre avsnitt.',
    ],
    [
      'divs, as the Teams desktop client sends',
      '<div><div>Linje éin</div><div>Linje to</div></div>',
      'Linje éin\nLinje to',
    ],
    ['line breaks', '<p>a<br>b<br/>c</p>', 'a\nb\nc'],
    [
      'a bullet list',
      '<p>Tenestene:</p><ul><li>er trygge</li><li>er samordna</li></ul>',
      'Tenestene:\n• er trygge\n• er samordna',
    ],
    ['a numbered list', '<ol><li>éin</li><li>to</li></ol>', '1. éin\n2. to'],
    [
      'an autolinked address keeps only the address',
      '<p><a href="https://lovdata.no/x#%C2%A75">https://lovdata.no/x#%C2%A75</a></p>',
      'https://lovdata.no/x#%C2%A75',
    ],
    [
      'a link with other text keeps both',
      '<p><a href="https://helse-mr.no">veiledaren</a></p>',
      'veiledaren (https://helse-mr.no)',
    ],
    [
      'entities and formatting',
      '<p><strong>&lt;b&gt;</strong> &amp; æøå &#128578; &#x1F642;</p>',
      '<b> & æøå 🙂 🙂',
    ],
  ];
  for (const [name, html, expected] of cases) it(name, () => assert.equal(textFromTeamsHtml(html), expected));

  it('uses the HTML only when it says the same as activity.text', () => {
    const html = [{ contentType: 'text/html', content: '<p>Linje éin</p><p>Linje to</p>' }];
    assert.equal(messageText('Linje éin Linje to', html), 'Linje éin\nLinje to');
    assert.equal(messageText('Linje éinLinje to', html), 'Linje éin\nLinje to');
    assert.equal(messageText('Noko heilt anna', html), 'Noko heilt anna');
    assert.equal(messageText('Berre tekst', undefined), 'Berre tekst');
  });
});

import { minutesMarkdown } from './minutes-markdown';
import { SCIC_COOP, scicView, SCOP_COOP, scopRegisterView, scopView } from './minutes.fixtures';

function lines(markdown: string): string[] {
  return markdown.split('\n');
}

describe('minutesMarkdown — the procès-verbal in French', () => {
  const md = minutesMarkdown(scicView(), SCIC_COOP);
  const all = lines(md);

  it('opens with the cooperative and its legal mentions, then the heading with the date in French', () => {
    expect(all[0]).toBe('# Les Tilleuls');
    expect(md).toContain('à capital variable');
    expect(all).toContain('## Procès-verbal des délibérations de l’assemblée générale mixte du 14 juin 2025');
  });

  it('lists the attendance sheet with each associate’s collège (by name) and mode', () => {
    expect(all).toContain('| Alice Martin | Salariés | présent(e) |');
    expect(all).toContain('| Emma Leroy | Usagers | représenté(e) par Alice Martin |');
    expect(all).toContain('| Gaëlle Roux | Bénévoles | pouvoir en blanc |');
  });

  it('states each quorum apart', () => {
    expect(all).toContain('- **Quorum de la partie ordinaire : 58,33 % présents ou représentés ; requis 20,00 % — atteint.**');
    expect(all).toContain('- **Quorum de la partie extraordinaire : 58,33 % présents ou représentés ; requis 25,00 % — atteint.**');
  });

  it('quotes each resolution’s text and tables each collège, the dropped one said in words', () => {
    expect(all).toContain('> The assembly resolves: Amend article 14 of the statuts (collège weights).');
    expect(all).toContain('| Collectivités | 20,00 % | 0,00 % | 0 | 0 | 0 | 0 | aucun suffrage : retiré |');
  });

  it('counts the blank proxy for a board-approved resolution and against the others (AG-BLANK-PROXY)', () => {
    expect(md).toContain('Pouvoirs en blanc : 1, comptés pour, la résolution étant agréée par le conseil (AG-BLANK-PROXY).');
    expect(md).toContain('Pouvoirs en blanc : 1, comptés contre, la résolution n’étant pas agréée par le conseil (AG-BLANK-PROXY).');
  });

  it('gives the exact fraction the outcome was decided on, and each outcome in French', () => {
    expect(md).toContain('la part exacte des voix pour, 7/8.');
    expect(all).toContain('**Cette résolution est adoptée.**');
    expect(all).toContain('**Cette résolution est rejetée.**');
  });

  it('prints the digest with its position and the command an auditor runs', () => {
    expect(md).toContain('à la position 128 du journal');
    expect(all).toContain('curl -s -H "Authorization: Bearer $AUDITOR" "$API/cooperatives/tilleuls/verification?at=128"');
  });

  it('leaves lines to sign for the bureau, unnamed when no bureau was recorded', () => {
    expect(all).toContain('**Président(e) de séance** — nom, date et signature :');
    expect(all).toContain('**Secrétaire de séance** — nom, date et signature :');
  });

  it('is a pure function of the view', () => expect(minutesMarkdown(scicView(), SCIC_COOP)).toBe(md));
});

describe('minutesMarkdown — quorum per kind, adjournment, late arrivals, old events', () => {
  it('AG-QUORUM: an extraordinary resolution the AG could not vote is "not put to the vote", never rejected', () => {
    const view = scicView();
    view.quorum = { ordinary: { attendingBp: 5833, requiredBp: 2000, met: true }, extraordinary: { attendingBp: 5833, requiredBp: 7500, met: false } };
    view.resolutions[0] = { ...view.resolutions[0], outcome: 'not_voted', reason: 'AG-QUORUM', result: null };
    const md = minutesMarkdown(view, SCIC_COOP);
    expect(md).toContain('Quorum de la partie extraordinaire : 58,33 % présents ou représentés ; requis 75,00 % — non atteint');
    expect(md).toContain('Cette résolution n’a pas été mise aux voix : le quorum de la partie extraordinaire n’était pas atteint (AG-QUORUM).');
    expect(md.split('Cette résolution est rejetée.').length - 1).toBe(1);
  });

  it('says from which resolution a late arrival counts, and the reason of an adjournment', () => {
    const view = scicView();
    view.attendees[6] = { ...view.attendees[6], countsFrom: 'r2' };
    view.status = 'adjourned';
    view.adjournment = { reason: 'La salle doit être libérée.' };
    view.ledgerDigest = null;
    const md = minutesMarkdown(view, SCIC_COOP);
    expect(md).toContain('arrivé(e) en cours de séance, compte à partir de la deuxième résolution');
    expect(md).toContain('Motif : La salle doit être libérée.');
    expect(md).toContain('aucune empreinte n’a été prise');
  });

  it('reads an AG convened and closed before this version: no place, no text, no position', () => {
    const view = scicView();
    view.place = null;
    view.convocationMethod = null;
    view.noticeDays = null;
    view.ledgerPosition = null;
    const md = minutesMarkdown(view, SCIC_COOP);
    expect(md).toContain('au lieu suivant : ……');
    expect(md).toContain('La position du journal n’a pas été enregistrée lors de cette clôture');
    expect(md).not.toContain('verification?at=');
  });

  it('prints the names of a recorded bureau', () => {
    const view = scicView();
    view.bureau = { president: { associateId: 'alice', name: 'Alice Martin' }, secretary: { associateId: null, name: 'Jeanne Expert' }, scrutineers: [{ associateId: 'farid', name: 'Farid Benali' }] };
    const md = minutesMarkdown(view, SCIC_COOP);
    expect(md).toContain('- **Secrétaire de séance** : Jeanne Expert');
    expect(md).toContain('**Scrutateur** — Farid Benali — nom, date et signature :');
  });

  it('renders in English with lang en', () => expect(minutesMarkdown(scicView(), SCIC_COOP, 'en')).toContain('This resolution is rejected.'));
});

describe('minutesMarkdown — SCOP', () => {
  it('names a second call and the assembly it reconvenes, with no collège column', () => {
    const md = minutesMarkdown(scopView(), SCOP_COOP);
    expect(md).toContain('Sur deuxième convocation');
    expect(md).toContain('| Associé | Présence |');
  });

  it('SCOP-VOTES-65: explains the reduction once, with the weight as a fraction (35/52), and the quorum in weighted votes', () => {
    const md = minutesMarkdown(scopRegisterView(), SCOP_COOP);
    expect(md.split('Droits de vote (SCOP-VOTES-65)').length - 1).toBe(1);
    expect(md).toContain('74/13 sur 100/13 (L1978 art. 14)');
  });
});

describe('minutesMarkdown — escaping user text', () => {
  const view = scicView();
  view.title = '# <b>Annual</b> meeting';
  view.attendees[0] = { ...view.attendees[0], name: '<script>alert(1)</script>' };
  view.resolutions[0] = { ...view.resolutions[0], title: 'Pay *dividends* | [now](http://evil)' };
  const md = minutesMarkdown(view, { ...SCIC_COOP, name: 'Les | Tilleuls' });
  const all = lines(md);

  it('escapes HTML, pipes and emphasis in names and titles', () => {
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    expect(all).toContain('| \\<script\\>alert(1)\\</script\\> | Salariés | présent(e) |');
    expect(all[0]).toBe('# Les \\| Tilleuls');
    expect(md).toContain('Pay \\*dividends\\* \\| \\[now\\](http://evil)');
  });
});

import { minutesMarkdown } from './minutes-markdown';
import { LEDGER_DIGEST, openScicView, SCIC_COOP, scicView, SCOP_COOP, scopRegisterView, scopView } from './minutes.fixtures';

function lines(markdown: string): string[] {
  return markdown.split('\n');
}

describe('minutesMarkdown — SCIC, four collèges, one dropped', () => {
  const md = minutesMarkdown(scicView(), SCIC_COOP);
  const all = lines(md);

  it('titles the procès-verbal with the cooperative, the kind in French and English, the call and the date held', () => {
    expect(all[0]).toBe('# Procès-verbal — Les Tilleuls (SCIC SAS)');
    expect(all).toContain('## Assemblée générale mixte (combined ordinary and extraordinary general meeting) — première convocation (first call) — 2025-06-14');
  });

  it('gives the convocation and record dates and the voter list hash (AG-VOTERS)', () => {
    expect(all).toContain('- Convened on: 2025-05-20');
    expect(all).toContain('- Record date: 2025-05-20 — the voter list is fixed on this date (AG-VOTERS)');
    expect(all).toContain(`- Voter list: 12 voters; hash of the list (sha256): \`${scicView().votersHash}\``);
  });

  it('lists the attendance sheet with each associate’s collège and mode', () => {
    expect(all).toContain('| Alice Martin | A — Salariés | present |');
    expect(all).toContain('| Bruno Petit | A — Salariés | remote |');
    expect(all).toContain('| Dupont \\| Fils | B — Usagers | by mail |');
    expect(all).toContain('| Emma Leroy | B — Usagers | represented by Alice Martin |');
    expect(all).toContain('| Gaëlle Roux | C — Bénévoles | blank proxy |');
  });

  it('states the quorum, counted in associates', () => {
    expect(all).toContain('- Present 3 · remote 1 · by mail 1 · represented 2 (of which 1 by blank proxy) — total 7 of 12 voters');
    expect(all).toContain('- **Quorum: 58.33 % of the voters, counted in associates, required 20.00 % — met**');
  });

  it('tables each collège’s ballots with its weight before and after the dropped collège (AG-COLLEGE-TALLY)', () => {
    expect(all).toContain('| Collège | Weight | Effective weight | For | Against | Abstain | Blank | Note |');
    expect(all).toContain('| B — Usagers | 30.00 % | 37.50 % | 2 | 1 | 0 | 0 |   |');
    expect(all).toContain('| D — Collectivités | 20.00 % | 0.00 % | 0 | 0 | 0 | 0 | dropped: no vote cast |');
    expect(all).toContain('- Collège D — Collectivités cast no vote and dropped out; the other collèges’ weights were scaled pro rata (AG-COLLEGE-TALLY)');
  });

  it('counts the blank proxy for a board-approved resolution and against the others (AG-BLANK-PROXY)', () => {
    expect(all).toContain('- Blank proxies: 1, counted for, as the board approved this resolution (AG-BLANK-PROXY)');
    expect(all).toContain('- Blank proxies: 1, counted against, as the board did not approve this resolution (AG-BLANK-PROXY)');
  });

  it('gives each result rounded for display and says the outcome was decided on the exact fraction', () => {
    expect(all).toContain('### Resolution `r1` — Amend article 14 of the statuts (collège weights)');
    expect(all).toContain('- Kind: extraordinary, approved by the board');
    expect(all).toContain('- Method: ballots');
    expect(all).toContain('- Votes cast: 6 of 7 ballots — abstentions and blank ballots are not votes cast');
    expect(all).toContain('- Result: 87.50 % for, required 66.67 % (at least 2/3 of the votes cast)');
    expect(all).toContain('- Percentages are rounded for display (for: down, required: up); the outcome was decided exactly on the share for = 7/8.');
    expect(all).toContain('- Method: show of hands');
    expect(all).toContain('- Result: 31.25 % for, required 50.00 % (more than 1/2 of the votes cast)');
  });

  it('states each outcome in English and French', () => {
    expect(all).toContain('**Outcome: ADOPTED (résolution adoptée)**');
    expect(all).toContain('**Outcome: REJECTED (résolution rejetée)**');
    expect(md.indexOf('ADOPTED')).toBeLessThan(md.indexOf('REJECTED'));
  });

  it('prints the ledger digest and what it pins', () => {
    expect(all).toContain(`sha256 \`${LEDGER_DIGEST}\``);
    expect(md).toContain('any later change to the recorded history is detectable against it');
  });

  it('leaves room for the signatures of the président de séance and the secrétaire', () => {
    expect(all).toContain('Président de séance (chair of the meeting) — name, date and signature:');
    expect(all).toContain('Secrétaire (secretary) — name, date and signature:');
  });

  it('is not a draft', () => {
    expect(md).not.toMatch(/draft/i);
  });

  it('is a pure function of the view', () => {
    expect(minutesMarkdown(scicView(), SCIC_COOP)).toBe(md);
  });
});

describe('minutesMarkdown — SCOP with the SCOP-VOTES-65 reduction', () => {
  const all = lines(minutesMarkdown(scopView(), SCOP_COOP));

  it('names an extraordinary AG on second call and the assembly it reconvenes', () => {
    expect(all).toContain('## Assemblée générale extraordinaire (extraordinary general meeting) — deuxième convocation (second call) — 2025-03-20');
    expect(all).toContain('- Call: deuxième convocation (second call), reconvening assembly age-2025-1, whose quorum was not met');
  });

  it('has no collège column when the statuts create no collèges', () => {
    expect(all).toContain('| Associate | Mode |');
    expect(all).toContain('| Nina Perrin | represented by Jeanne Morel |');
    expect(all).toContain('| all associates | 100.00 % | 100.00 % | 7 | 1 | 0 | 0 |   |');
    expect(all.join('\n')).not.toContain('AG-COLLEGE-TALLY');
  });

  it('shows the reduction factor as a fraction', () => {
    expect(all).toContain(
      '- SCOP-VOTES-65 applied: non-employee votes (3 cast, against 5 employee votes) exceeded 35 % of the votes cast and were reduced pro rata by the factor 35/39 (≈ 0.8974)',
    );
    expect(all).toContain('- Result: 87.00 % for, required 75.00 % (at least 3/4 of the votes cast)');
    expect(all).toContain('- Percentages are rounded for display (for: down, required: up); the outcome was decided exactly on the share for = 87/100.');
    expect(all).toContain('**Outcome: ADOPTED (résolution adoptée)**');
  });
});

describe('minutesMarkdown — SCOP-VOTES-65 on the register (weights fixed on the voter list)', () => {
  const md = minutesMarkdown(scopRegisterView(), SCOP_COOP);
  const all = lines(md);

  it('SCOP-VOTES-65: explains the reduction once, with the weight as a fraction (35/52)', () => {
    const explanation =
      "- Voting rights (SCOP-VOTES-65): the voter list holds 5 cooperators and 4 non-cooperators; non-cooperators may hold at most 35 % of the voting rights on the list, so each of their votes is reduced in the same proportion — each non-cooperator's vote weighs 35/52 — and every tally and the quorum use these weights, whoever attends.";
    expect(all).toContain(explanation);
    expect(md.split('Voting rights (SCOP-VOTES-65)').length - 1).toBe(1);
  });

  it('AG-QUORUM: says the SCOP quorum is counted in weighted votes (L1978 art. 14)', () => {
    expect(all).toContain('- **Quorum: 69.00 % of the voters, counted in votes as the voter list weighs them — 74/13 of 100/13 (L1978 art. 14), required 20.00 % — met**');
  });

  it('SCOP-VOTES-65: each resolution names the weight it used, and the result decided on it', () => {
    expect(all).toContain("- SCOP-VOTES-65: each non-cooperator's vote weighed 35/52 (voting rights, under Quorum); 4 of the votes cast were non-cooperators'");
    expect(all).toContain('- Result: 64.86 % for, required 50.00 % (more than 1/2 of the votes cast)');
    expect(all).toContain('- Percentages are rounded for display (for: down, required: up); the outcome was decided exactly on the share for = 24/37.');
  });
});

describe('minutesMarkdown — an assembly not yet closed', () => {
  const md = minutesMarkdown(openScicView(), SCIC_COOP);
  const all = lines(md);

  it('says it is a draft', () => {
    expect(all).toContain('> **DRAFT — ASSEMBLY NOT CLOSED.** These minutes are not final and cannot be signed.');
  });

  it('shows the pending resolution without a result', () => {
    const r2 = md.slice(md.indexOf('### Resolution `r2`'), md.indexOf('## Ledger digest'));
    expect(r2).toContain('- Status: pending — not yet put to the vote');
    expect(r2).not.toContain('Outcome');
    expect(r2).not.toContain('| Collège |');
    expect(all).toContain('**Outcome: ADOPTED (résolution adoptée)**');
  });

  it('has no digest yet', () => {
    expect(all).toContain('Not yet computed: the digest is taken when the assembly closes.');
    expect(md).not.toContain('sha256 `9f2c');
  });

  it('says so before the quorum is established', () => {
    const convened = { ...openScicView(), status: 'convened' as const };
    convened.attendance = { ...convened.attendance, quorumBp: null, quorumMet: null };
    expect(lines(minutesMarkdown(convened, SCIC_COOP))).toContain('- **Quorum: not yet established (the assembly has not opened), required 20.00 %**');
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
    expect(all).toContain('| \\<script\\>alert(1)\\</script\\> | A — Salariés | present |');
    expect(all).toContain('| Emma Leroy | B — Usagers | represented by \\<script\\>alert(1)\\</script\\> |');
    expect(all).toContain('### Resolution `r1` — Pay \\*dividends\\* \\| \\[now\\](http://evil)');
    expect(all[0]).toBe('# Procès-verbal — Les \\| Tilleuls (SCIC SAS)');
    expect(all).toContain('**\\# \\<b\\>Annual\\</b\\> meeting** (assembly `ag-2025`)');
  });
});

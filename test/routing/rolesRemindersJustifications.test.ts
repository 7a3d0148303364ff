import assert from 'node:assert/strict';
import sinon from 'sinon';
import { textOf } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { CaseService } from '../../bot/domain/routing/caseService';
import { workingDaysBetween } from '../../bot/domain/routing/workingDays';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TableCaseRepository } from '../../bot/storage/tableCaseRepository';
import { TableRoleRepository } from '../../bot/storage/tableRoleRepository';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { IDS, RoutingWorld, allText, lastCard } from './routingWorld';

describe('routing: role administration, standard justifications, reminders, ETag', () => {
  let world: RoutingWorld | undefined;

  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  it('lets administrators grant and revoke roles from the bot, records who and when, and refuses others', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    const { roles } = world.bot.app.services;

    let replies = await world.users.outsider.say(`gi rolle secretariat_member ${IDS.outsider}`);
    assert.match(textOf(replies), /Det har du ikkje løyve til/);
    assert.deepEqual(await roles.rolesOf(IDS.outsider), []);
    assert.ok(
      (await roles.deniedAttempts()).some((d) => d.personId === IDS.outsider && d.action === 'roles.manage'),
    );

    replies = await world.users.admin.say(`grant role secretariat_member ${IDS.outsider}`);
    assert.match(textOf(replies), /Ola Utanfor now has the role "Secretariat member"/);
    replies = await world.users.admin.say(`grant role committee_leader ${IDS.outsider}`);
    assert.match(textOf(replies), /Committee roles need a committee/);
    replies = await world.users.admin.say(`grant role committee_leader ${IDS.outsider} fsu-ikt`);
    assert.match(textOf(replies), /now has the role "Committee leader, /);
    replies = await world.users.admin.say('roles');
    // Roles as people say them, with names (from the chat with the bot); the id last, for `fjern rolle`.
    assert.match(textOf(replies), new RegExp(`Administrator \\(admin\\): Admin Adminsen · ${IDS.admin}`));
    assert.match(
      textOf(replies),
      new RegExp(`Secretariat member \\(secretariat_member\\): Ola Utanfor · ${IDS.outsider}`),
    );
    assert.match(
      textOf(replies),
      new RegExp(
        `Committee leader \\(committee_leader, Professional committee: [^)]+\\): Ola Utanfor · ${IDS.outsider}`,
      ),
    );

    const change = (await roles.changes()).find(
      (c) => c.personId === IDS.outsider && c.role === 'secretariat_member',
    );
    assert.equal(change?.by, IDS.admin);
    assert.equal(change?.change, 'grant');

    // The new secretariat member can now take the secretariat's step.
    const number = await world.submit();
    const result = await world.act('outsider', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'ssu',
      proposeComment: 'SSU',
    });
    assert.match(result.text, /Lagra\./);

    replies = await world.users.admin.say(`revoke role secretariat_member ${IDS.outsider}`);
    assert.match(textOf(replies), /was removed/);
    assert.ok((await roles.changes()).some((c) => c.change === 'revoke' && c.by === IDS.admin));
    const refused = await world.act('outsider', 'requestInfo', {
      caseNumber: number,
      v: 2,
      question: 'Kvifor?',
    });
    // Without the role they may not even see the case any more.
    assert.equal(refused.text, 'Du har ikkje tilgang til denne saka.');
  });

  it('lets the secretariat keep the standard justifications; they are offered on the cards', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    let replies = await world.users.secretariat.say('grunngjeving');
    assert.match(textOf(replies), /1\. Saka høyrer heime i det lokale samarbeidsutvalet/);
    replies = await world.users.secretariat.say(
      'grunngjeving ny Saka er send til [FSU](https://x.example) ${title}.',
    );
    assert.match(textOf(replies), /lagra/);
    replies = await world.users.secretariat.say('grunngjeving endre 2 Saka er alt handsama i sak 12/24.');
    replies = await world.users.secretariat.say('grunngjeving fjern 3');
    replies = await world.users.secretariat.say('grunngjeving');
    const list = textOf(replies);
    assert.match(list, /2\. Saka er alt handsama i sak 12\/24\./);
    assert.match(list, /4\. Saka er send til \[FSU\]\(https:\/\/x\.example\) \$\{title\}\./);
    assert.doesNotMatch(list, /Saka gjeld ikkje samhandling/);
    replies = await world.users.submitter.say('grunngjeving ny Eg vil òg');
    assert.match(textOf(replies), /Det har du ikke tilgang til/);

    const number = await world.submit();
    const card = lastCard(world.posted('secretariat'));
    assert.ok(
      allText(card).includes('Saka er send til [FSU](https://x.example) ${title}.'),
      'offered verbatim',
    );
    const justifications = await world.routing.justifications.list();
    const own = justifications.find((j) => j.text.nn.startsWith('Saka er send til'))!;
    await world.act('secretariat', 'return', {
      caseNumber: number,
      v: 1,
      returnStandard: own.id,
      justification: '',
    });
    assert.equal((await world.caseOf(number)).routing?.returned?.justification, own.text.nn);
  });

  it('brings a case left waiting for REMINDER_WORKING_DAYS working days up again, once a day at most', async () => {
    let clock = new Date('2026-11-23T08:00:00Z'); // Monday
    world = await RoutingWorld.start({}, () => clock);
    await world.joinAll();
    const number = await world.submit();
    const reminders = () => world!.posted('secretariat').filter((a) => /Påminning/.test(textOf([a])));

    clock = new Date('2026-11-25T15:00:00Z'); // Wednesday: two working days
    await world.routing.runJobs();
    assert.equal(reminders().length, 0);
    clock = new Date('2026-11-26T07:00:00Z'); // Thursday: three
    await world.routing.runJobs();
    assert.equal(reminders().length, 1);
    assert.match(textOf(reminders()), new RegExp(`sak ${number} har venta i 3 arbeidsdagar`));
    clock = new Date('2026-11-26T15:00:00Z'); // Thursday again: not twice a day
    await world.routing.runJobs();
    assert.equal(reminders().length, 1);

    // Proposed on Friday: the SSU leadership is reminded the third working day after, not the secretariat.
    clock = new Date('2026-11-27T09:00:00Z');
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'ssu',
      proposeComment: 'SSU',
    });
    clock = new Date('2026-12-02T09:00:00Z'); // Wednesday: Mon, Tue, Wed
    await world.routing.runJobs();
    for (const who of ['ssuLeader', 'ssuDeputy'] as const) {
      assert.match(
        textOf(world.posted(who)),
        new RegExp(`forslaget til ruting av sak ${number} har venta på godkjenning i 3`),
      );
    }
    assert.equal(reminders().length, 1);
    assert.equal(
      workingDaysBetween(new Date('2026-11-27T22:30:00Z'), new Date('2026-11-30T08:00:00Z')),
      1,
      'Oslo calendar',
    );
  });

  it('applies one of two decisions that read the same version (ETag), the other sees a conflict', async () => {
    const config = testConfig();
    const storage = new StorageAccount(config.storage, config.tablePrefix);
    await storage.ensureTables(['cases', 'roles', 'roleAudit']);
    const cases = new TableCaseRepository(storage.table('cases'));
    const roles = new TableRoleRepository(storage.table('roles'), storage.table('roleAudit'));
    const now = () => new Date('2026-11-23T10:00:00Z');
    for (const personId of [IDS.ssuLeader, IDS.ssuDeputy]) {
      await roles.grant({
        personId,
        role: 'ssu_leader',
        scope: '*',
        grantedBy: 'test',
        grantedAt: now().toISOString(),
      });
    }
    await roles.grant({
      personId: IDS.secretariat,
      role: 'secretariat_leader',
      scope: '*',
      grantedBy: 'test',
      grantedAt: now().toISOString(),
    });
    const record = await submitCase(cases, {
      draftId: 'd1',
      answers: REFERENCE_STORED,
      submitter: { id: IDS.submitter, name: 'R' },
      lang: 'nb',
      now: now(),
    });
    const service = new CaseService({ cases, roles, now, policy: { approvalsRequired: 1 } });
    await service.decide({
      caseNumber: record.number,
      actor: { id: IDS.secretariat, name: 'S' },
      verb: 'propose',
      input: { forum: 'ssu', comment: 'SSU' },
      cardVersion: 1,
    });

    // Both decisions read the case before either writes: a barrier in get().
    const get = cases.get.bind(cases);
    let reads = 0;
    let release: () => void = () => {};
    const barrier = new Promise<void>((resolve) => (release = resolve));
    sinon.stub(cases, 'get').callsFake(async (n: string) => {
      const read = await get(n);
      reads++;
      if (reads === 2) release();
      if (reads <= 2) await barrier; // the first two reads (one per decision) wait for each other
      return read;
    });
    const outcomes = await Promise.all([
      service.decide({
        caseNumber: record.number,
        actor: { id: IDS.ssuLeader, name: 'L' },
        verb: 'approve',
        input: {},
        cardVersion: 2,
      }),
      service.decide({
        caseNumber: record.number,
        actor: { id: IDS.ssuDeputy, name: 'D' },
        verb: 'changeForum',
        input: { forum: 'fsu-ikt', comment: 'IKT' },
        cardVersion: 2,
      }),
    ]);
    sinon.restore();
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['applied', 'unchanged']);
    const loser = outcomes.find((o) => o.kind === 'unchanged');
    assert.equal(loser?.kind === 'unchanged' && loser.reason, 'conflict');
    const history = await cases.history(record.number);
    assert.deepEqual(
      history.map((h) => h.to),
      ['submitted', 'routing_proposed', 'routed'],
    );
  });
});

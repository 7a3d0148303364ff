import assert from 'node:assert/strict';
import { call } from '../api/apiSupport';
import { textOf } from '../support/botHarness';
import { forumByValue } from '../../bot/domain/partnership';
import { IDS, RoutingWorld } from './routingWorld';

const UNSEEN = '00000000-0000-4000-8000-00000000e999';
const ikt = (lang: 'nn' | 'nb' | 'en') => forumByValue('fsu-ikt')!.label[lang];

/**
 * `gi rolle` and `fjern rolle` through /api/messages: the answer names the person (as stored with
 * their roles, or as Teams gave it in their chat with the bot) and the role as people say it, in
 * the administrator's language; the object id only for someone the app has never seen.
 */
describe('role commands answer with names and role labels, through /api/messages', () => {
  let world: RoutingWorld;

  before(async () => {
    world = await RoutingWorld.start({ localIdentity: true });
    for (const who of ['admin', 'outsider'] as const) await world.users[who].join();
  });
  after(async () => {
    await world.stop();
  });

  const admin = async (text: string) => textOf(await world.users.admin.say(text));

  it("names a person the bot has talked to, and the role's label, in the administrator's language", async () => {
    // The administrator's Teams is English.
    let reply = await admin(`grant role secretariat_member ${IDS.outsider}`);
    assert.equal(reply, 'Ola Utanfor now has the role "Secretariat member". The change is logged.');

    await admin('nynorsk');
    reply = await admin(`gi rolle committee_leader ${IDS.outsider} fsu-ikt`);
    assert.equal(reply, `Rolla «Leiar i utvalet, ${ikt('nn')}» er gitt til Ola Utanfor. Endringa er logga.`);

    await admin('bokmål');
    reply = await admin(`fjern rolle committee_leader ${IDS.outsider} fsu-ikt`);
    assert.equal(
      reply,
      `Rollen «Leder i utvalget, ${ikt('nb')}» er fjernet fra Ola Utanfor. Endringen er logget.`,
    );
    reply = await admin(`fjern rolle committee_leader ${IDS.outsider} fsu-ikt`);
    assert.equal(reply, `Ola Utanfor har ikke rollen «Leder i utvalget, ${ikt('nb')}».`);
    // The name Teams gave is now kept with the role, for `roller` and the tab.
    const held = await world.bot.app.services.roles.rolesOf(IDS.outsider);
    assert.deepEqual(
      held.map((a) => [a.role, a.personName]),
      [['secretariat_member', 'Ola Utanfor']],
    );
  });

  it('uses the name stored with the roles for someone who never chatted, and the id when none is known', async () => {
    await admin('nynorsk');
    let reply = await admin(`gi rolle ssu_deputy ${UNSEEN}`);
    assert.equal(reply, `Rolla «Nestleiar i SSU» er gitt til ${UNSEEN}. Endringa er logga.`);

    // They open the tab once: the name Teams gives the tab is kept with their roles.
    const me = await call(world.bot, 'GET', '/api/me', { local: UNSEEN, name: 'Nina *Ny* <b>' });
    assert.equal(me.status, 200);
    reply = await admin(`fjern rolle ssu_deputy ${UNSEEN}`);
    // The name is data: exactly as given, in a plain-text message.
    assert.equal(reply, 'Rolla «Nestleiar i SSU» er fjerna frå Nina *Ny* <b>. Endringa er logga.');
    assert.equal((await world.users.admin.say(`fjern rolle ssu_deputy ${UNSEEN}`))[0]?.textFormat, 'plain');
  });
});

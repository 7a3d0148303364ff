import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/config';

// The Azure environment files write `none` for a setting left unset, because the Agents Toolkit will
// not provision with an empty value (see env/.env.dev.sample and infra/main.parameters.json).
describe('configuration: "none" means not set', function () {
  const OBJECT_ID = '6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f';

  it('reads BOOTSTRAP_* = none as nobody', function () {
    const config = loadConfig({
      BOOTSTRAP_ADMINS: OBJECT_ID,
      BOOTSTRAP_SECRETARIAT_LEADER: 'none',
      BOOTSTRAP_SECRETARIAT_MEMBERS: ' None ',
      BOOTSTRAP_SSU_LEADER: 'NONE',
      BOOTSTRAP_SSU_DEPUTY: 'none',
    });
    assert.deepEqual(config.bootstrapRoles, {
      admins: [OBJECT_ID],
      secretariatLeaders: [],
      secretariatMembers: [],
      ssuLeaders: [],
      ssuDeputies: [],
    });
  });

  it('reads SECRETARIAT_CHANNEL_ID = none as no channel', function () {
    assert.equal(loadConfig({ SECRETARIAT_CHANNEL_ID: 'none' }).routing.secretariatChannel, undefined);
    const channelId = '19:abc@thread.tacv2';
    assert.equal(
      loadConfig({ SECRETARIAT_CHANNEL_ID: channelId }).routing.secretariatChannel?.conversationId,
      channelId,
    );
  });

  it('still refuses "none" inside a list of object ids', function () {
    assert.throws(() => loadConfig({ BOOTSTRAP_ADMINS: `${OBJECT_ID},none` }), ConfigError);
  });
});

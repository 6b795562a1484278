/**
 * The showcase seed (`--seed showcase`, what `npm start` uses): the demo data plus what makes every
 * demo page show something on first run — a pending friend request from dave to alice, bob as an
 * admin of "Floo Demo" with a welcome announcement, and a public group "Floo Lounge" (carol, dave)
 * that anyone joins by id without approval. Tests use the plain demo seed, so these extras never
 * change what they expect. Running it again changes nothing.
 */
import { hashPassword, type ScryptCost } from './auth/passwords';
import { DEMO_APP_ID, DEMO_PASSWORD, seedDemo, type DemoSeed } from './seed';
import type { Store } from './store/types';

/** The public group of the showcase. */
export const SHOWCASE_GROUP = 'Floo Lounge';
/** How long the seeded friend request stays pending. */
const REQUEST_TTL_MS = 30 * 24 * 3600 * 1000;

/** Creates the demo data and the showcase extras if missing. */
export async function seedShowcase(store: Store, now: number, cost: ScryptCost): Promise<DemoSeed> {
  const demo = await seedDemo(store, now, cost);
  const id = (name: string) => demo.users.find((u) => u.username === name)!.userId;
  const [alice, bob, carol] = [id('alice'), id('bob'), id('carol')];

  let dave = await store.findUserByName(DEMO_APP_ID, 'dave');
  if (!dave) {
    dave = await store.createUser({ appId: DEMO_APP_ID, username: 'dave', passwordHash: await hashPassword(DEMO_PASSWORD, cost), nickName: 'Dave', now });
    if (!dave) throw new Error('cannot create showcase user dave');
    await store.saveFriendApplication(dave.id, alice, 'Hi Alice, Dave here. Shall we be friends?', now + REQUEST_TTL_MS, now);
  }

  await store.setMemberRole(demo.groupId, [bob], 'admin');
  if ((await store.listGroupAnnouncements(demo.groupId, 1)).length === 0) {
    await store.addGroupAnnouncement({
      groupId: demo.groupId, title: 'Welcome', author: alice, createdAt: now,
      content: 'This is the Floo demo group. Admins can edit this announcement from the group info page.',
    });
  }

  if (!(await store.findGroupsByName(DEMO_APP_ID, SHOWCASE_GROUP)).some((g) => g.ownerId === carol)) {
    const lounge = await store.createGroup({
      appId: DEMO_APP_ID, name: SHOWCASE_GROUP, ownerId: carol, memberIds: [dave.id], type: 1,
      description: 'A public group: join it by its id from the contacts tab.', now,
    });
    await store.updateGroupSettings(lounge.id, { applyApproval: 0 });
  }
  return { ...demo, users: [...demo.users, { username: 'dave', userId: dave.id }] };
}

/** Demo data: app `demo`, users alice, bob and carol (all friends), group "Floo Demo" with all three. */
import { hashPassword, type ScryptCost } from './auth/passwords';
import type { Store } from './store/types';

/** The fixed password of the demo users (printed at start; for local use only). */
export const DEMO_PASSWORD = 'floo-demo';
/** The demo app id. */
export const DEMO_APP_ID = 'demo';
/** The demo users. */
export const DEMO_USERS = ['alice', 'bob', 'carol'] as const;
/** The demo group's name. */
export const DEMO_GROUP = 'Floo Demo';

/** What the demo seed created or found. */
export interface DemoSeed {
  appId: string;
  password: string;
  users: { username: string; userId: number }[];
  groupId: number;
}

/** Creates the demo data if missing; running it again changes nothing. */
export async function seedDemo(store: Store, now: number, cost: ScryptCost): Promise<DemoSeed> {
  await store.ensureApp(DEMO_APP_ID, 'Floo Demo', now);
  const users: DemoSeed['users'] = [];
  for (const username of DEMO_USERS) {
    let user = await store.findUserByName(DEMO_APP_ID, username);
    if (!user) {
      const passwordHash = await hashPassword(DEMO_PASSWORD, cost);
      const nickName = username[0].toUpperCase() + username.slice(1);
      user = await store.createUser({ appId: DEMO_APP_ID, username, passwordHash, nickName, now });
      if (!user) throw new Error(`cannot create demo user ${username}`);
    }
    users.push({ username, userId: user.id });
  }
  for (let i = 0; i < users.length; i++) {
    for (let j = i + 1; j < users.length; j++) await store.addFriends(users[i].userId, users[j].userId, now);
  }
  const ids = users.map((u) => u.userId);
  const owner = ids[0];
  let group = (await store.findGroupsByName(DEMO_APP_ID, DEMO_GROUP)).find((g) => g.ownerId === owner);
  if (!group) group = await store.createGroup({ appId: DEMO_APP_ID, name: DEMO_GROUP, ownerId: owner, memberIds: ids.slice(1), now });
  else await store.addMembers(group.id, ids.slice(1), now);
  return { appId: DEMO_APP_ID, password: DEMO_PASSWORD, users, groupId: group.id };
}

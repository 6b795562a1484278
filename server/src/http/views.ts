/** JSON shapes of users and groups as the ratel API returns them (user and group ids as JSON numbers). */
import type { GroupRecord, UserRecord } from '../store/types';

/** Public info about a user (roster lists, user lookups). */
export function userView(u: UserRecord): Record<string, unknown> {
  return {
    user_id: u.id,
    username: u.username,
    nick_name: u.nickName,
    avatar: u.avatar,
    description: u.description,
    public_info: u.publicInfo,
    alias: '',
    ext: u.ext,
  };
}

/** The signed-in user's own profile. */
export function profileView(u: UserRecord): Record<string, unknown> {
  return {
    ...userView(u),
    mobile: u.mobile,
    email: u.email,
    private_info: u.privateInfo,
    auth_mode: 0,
    create_timestamp: u.createdAt,
  };
}

/** Info about a group. */
export function groupView(g: GroupRecord): Record<string, unknown> {
  return {
    group_id: g.id,
    name: g.name,
    owner_id: g.ownerId,
    avatar: g.avatar,
    description: g.description,
    type: g.type,
    read_ack: g.readAck,
    member_count: g.memberCount,
    capacity: 500,
    ext: g.ext,
    created_at: g.createdAt,
    create_timestamp: g.createdAt,
  };
}

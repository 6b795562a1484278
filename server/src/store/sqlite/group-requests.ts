/** SQLite implementation of group applications and invitations. */
import type Database from 'better-sqlite3';
import type { GroupAdminStore, GroupApplicationRecord, GroupInvitationRecord, RequestStatus } from '../group-types';

type RequestsPart = Pick<GroupAdminStore,
  'saveGroupApplication' | 'getGroupApplication' | 'setGroupApplicationStatus' | 'listGroupApplications' |
  'saveGroupInvitation' | 'getGroupInvitation' | 'setGroupInvitationStatus' | 'listGroupInvitations'>;

interface ApplicationRow { group_id: number; applicant_id: number; reason: string; status: number; created_at: number; expire_time: number }
interface InvitationRow { group_id: number; inviter_id: number; invitee_id: number; status: number; created_at: number; expire_time: number }

function toApplication(r: ApplicationRow): GroupApplicationRecord {
  return {
    groupId: r.group_id, applicantId: r.applicant_id, reason: r.reason, status: r.status as RequestStatus,
    createdAt: r.created_at, expireTime: r.expire_time,
  };
}

function toInvitation(r: InvitationRow): GroupInvitationRecord {
  return {
    groupId: r.group_id, inviterId: r.inviter_id, inviteeId: r.invitee_id, status: r.status as RequestStatus,
    createdAt: r.created_at, expireTime: r.expire_time,
  };
}

/** Applications and invitations on one database connection. */
export class SqliteGroupRequests implements RequestsPart {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      saveApplication: db.prepare(`INSERT INTO group_applications (group_id, applicant_id, reason, status, created_at, expire_time)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (group_id, applicant_id) DO UPDATE SET reason = excluded.reason,
        status = excluded.status, created_at = excluded.created_at, expire_time = excluded.expire_time`),
      application: db.prepare<[number, number], ApplicationRow>('SELECT * FROM group_applications WHERE group_id = ? AND applicant_id = ?'),
      applicationStatus: db.prepare('UPDATE group_applications SET status = ? WHERE group_id = ? AND applicant_id = ?'),
      applications: db.prepare<[number, number], ApplicationRow>(
        'SELECT * FROM group_applications WHERE group_id = ? ORDER BY created_at DESC, applicant_id LIMIT ?'),
      saveInvitation: db.prepare(`INSERT INTO group_invitations (group_id, inviter_id, invitee_id, status, created_at, expire_time)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (group_id, inviter_id, invitee_id) DO UPDATE SET status = excluded.status,
        created_at = excluded.created_at, expire_time = excluded.expire_time`),
      invitation: db.prepare<[number, number, number], InvitationRow>(
        'SELECT * FROM group_invitations WHERE group_id = ? AND inviter_id = ? AND invitee_id = ?'),
      invitationStatus: db.prepare('UPDATE group_invitations SET status = ? WHERE group_id = ? AND inviter_id = ? AND invitee_id = ?'),
      invitations: db.prepare<[number, number], InvitationRow>(`SELECT i.* FROM group_invitations i JOIN groups g ON g.id = i.group_id
        WHERE i.invitee_id = ? AND g.destroyed_at = 0 ORDER BY i.created_at DESC, i.group_id LIMIT ?`),
    };
  }

  async saveGroupApplication(a: GroupApplicationRecord): Promise<void> {
    this.q.saveApplication.run(a.groupId, a.applicantId, a.reason, a.status, a.createdAt, a.expireTime);
  }

  async getGroupApplication(groupId: number, applicantId: number): Promise<GroupApplicationRecord | undefined> {
    const r = this.q.application.get(groupId, applicantId);
    return r && toApplication(r);
  }

  async setGroupApplicationStatus(groupId: number, applicantId: number, status: RequestStatus): Promise<void> {
    this.q.applicationStatus.run(status, groupId, applicantId);
  }

  async listGroupApplications(groupId: number, limit: number): Promise<GroupApplicationRecord[]> {
    return this.q.applications.all(groupId, limit).map(toApplication);
  }

  async saveGroupInvitation(i: GroupInvitationRecord): Promise<void> {
    this.q.saveInvitation.run(i.groupId, i.inviterId, i.inviteeId, i.status, i.createdAt, i.expireTime);
  }

  async getGroupInvitation(groupId: number, inviterId: number, inviteeId: number): Promise<GroupInvitationRecord | undefined> {
    const r = this.q.invitation.get(groupId, inviterId, inviteeId);
    return r && toInvitation(r);
  }

  async setGroupInvitationStatus(groupId: number, inviterId: number, inviteeId: number, status: RequestStatus): Promise<void> {
    this.q.invitationStatus.run(status, groupId, inviterId, inviteeId);
  }

  async listGroupInvitations(inviteeId: number, limit: number): Promise<GroupInvitationRecord[]> {
    return this.q.invitations.all(inviteeId, limit).map(toInvitation);
  }
}

// Fully populated sample of every message of the schema, for round-trip and benchmark use.
import type { MessageName, MessageTypes } from 'floo-miniprogram/protocol';

export const MAX_U64 = '18446744073709551615';

const xid = { uid: '1001', deviceSN: 2 };
const body = {
  type: 2 as const, from: xid, to: { uid: '1002', deviceSN: 0 }, content: 'héllo 你好 👋', ctype: 0 as const,
  operation: { type: 0 as const, mid: '0' }, config: '{"mentionAll":false}', attachment: '{"url":"https://x/y.png"}',
  ext: '{"k":1}', qos: 2 as const, sender_name: 'Alice', is_system: false, priority: 3, status: 2 as const,
  edit_timestamp: '1795320211999',
};

export const SAMPLES: { [N in MessageName]: MessageTypes[N] } = {
  XID: { uid: MAX_U64, deviceSN: 4294967295 },
  Status: { code: 7, reason: 'invalid token' },
  ConversationUnread: { xid: { uid: '1002', deviceSN: 0 }, n: 3, type: 1 },
  UnreadUL: {},
  UnreadDL: { status: { code: 1 }, unread: [{ xid: { uid: '1002' }, n: 3, type: 1 }, { xid: { uid: '5001' }, n: 0, type: 2 }] },
  SyncUL: {
    xid: { uid: '1002', deviceSN: 0 }, key: '9007199254740993', is_full_sync: true, full_sync_num: -20,
    meta: { id: '1795320211085', from: xid, to: { uid: '1002', deviceSN: 0 }, timestamp: '1795320211085', ns: 1, payload: body },
  },
  SyncDL: {
    status: { code: 1, reason: 'ok' },
    metas: [
      { id: '1000000', from: xid, to: { uid: '1002' }, timestamp: '1795320211098', ns: 1, payload: body },
      { id: '1000001', from: { uid: '0' }, to: { uid: '1002' }, timestamp: '1795320211099', ns: 4, payload: { type: 5, content: 'bye' } },
    ],
    next_key: '1000001', xid: { uid: '1001', deviceSN: 0 }, client_mid: '1795320211085', server_mid: MAX_U64,
    server_time: '1795320211098', is_full_sync: true, prev_mid: '999999', is_eager_sync: true, edit_timestamp: '1795320211100',
  },
  Notice: { xid: { uid: '5001', deviceSN: 0 } },
  Provision: {
    status: { code: 1 }, xid: { uid: '1001', deviceSN: 1000914223 }, encrypt_method: 1, encrypt_key: 'pk', password: 'pw',
    token: 'tok', os_type: 6, sdk_vsn: '2.0.0', is_manual_login: true, device_guid: '1001_796393040',
    device_notifier: 'apns', device_token: 'dt', device_info: 'Uniapp', last_login_time: '1795320211000',
  },
  Meta: { id: '1', from: xid, to: { uid: '5001' }, timestamp: '2', ns: 2, payload: { type: 5, gid: { uid: '5001' }, from: xid, to: [xid, { uid: '1003' }], content: '{}' } },
  MessageOperation: { type: 5, mid: '1000000', xid: { uid: '1002', deviceSN: 0 } },
  MessageBody: body,
  Conversation: { type: 1, operation: { type: 2, xid: { uid: '1002', deviceSN: 7 } } },
  ConversationOperation: { type: 1, xid: { uid: '1002' } },
  Info: { sdk_vsn: '0.1.0', network: 1, content: 'c' },
  UserNotice: { type: 5, content: 'kicked' },
  RosterNotice: { type: 8, from: xid, to: [{ uid: '1002' }], content: '{"nick_name":"B"}', roster_vsn: 'v1' },
  GroupNotice: { type: 23, gid: { uid: '5001' }, from: xid, to: [], content: '{"property":"display_name"}' },
  RtcSignal: { type: 1, content: '{"janus":"keepalive"}', media_server: 'wss://rtc.example' },
};

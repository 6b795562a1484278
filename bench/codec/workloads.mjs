// The three codec workloads, as typed objects for the SDK codec and as the equivalent plain objects
// for the reflection baseline.
export const PROVISION = {
  vsn: 0, compress_method: 0, command: 3,
  payload: {
    xid: { uid: '1001', deviceSN: 1000914223 }, token: 'a3f1c9e2b7d44c1e9f0a6b5c3d2e1f00', os_type: 6, sdk_vsn: '2.0.0',
    device_guid: '1001_796393040', device_info: 'Uniapp',
  },
};

const body = (i) => ({ type: 2, content: `message number ${i}: see you at the station at 6 pm?`, ctype: 0, operation: { type: 0, mid: '0' } });

export const SYNC_UPLOAD = {
  vsn: 0, compress_method: 0, command: 1,
  payload: {
    meta: {
      id: '1795320211085', from: { uid: '1001', deviceSN: 2 }, to: { uid: '1002', deviceSN: 0 },
      timestamp: '1795320211085', ns: 1, payload: body(0),
    },
  },
};

export const SYNC_DL_50 = {
  command: 1,
  payload: {
    status: { code: 1 },
    metas: Array.from({ length: 50 }, (_, i) => ({
      id: String(1838373839123456 + i), from: { uid: '1001', deviceSN: 2 }, to: { uid: '1002', deviceSN: 0 },
      timestamp: String(1795320211098 + i), ns: 1, payload: { ...body(i), status: 0 },
    })),
    next_key: '1838373839123505',
    xid: { uid: '1001', deviceSN: 0 },
  },
};

export const WORKLOADS = [
  { name: 'PROVISION frame', frame: PROVISION, direction: 'up', payloadType: 'Provision' },
  { name: 'SYNC upload (1 message)', frame: SYNC_UPLOAD, direction: 'up', payloadType: 'SyncUL' },
  { name: 'SyncDL (50 messages)', frame: SYNC_DL_50, direction: 'down', payloadType: 'SyncDL' },
];

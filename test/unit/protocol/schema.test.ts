// The SDK's typed enums equal the enums of sdk/proto (read here with protobufjs' full reflection
// build, which exists in Node only for this check), so the two can never drift apart.
import { join } from 'node:path';
import * as protobuf from 'protobufjs';
import * as P from 'floo-miniprogram/protocol';

const root = new protobuf.Root().loadSync(['xsync.proto', 'messagebody.proto', 'conversation.proto', 'info.proto', 'usernotice.proto',
  'rosternotice.proto', 'groupnotice.proto', 'rtcsignal.proto'].map((f) => join(__dirname, '../../../sdk/proto', f)), { keepCase: true });

const ENUMS: Record<string, object> = {
  'Frame.VSN': P.Vsn, 'Frame.Command': P.Command, 'Frame.CompressMethod': P.CompressMethod,
  'Frame.EncryptMethod': P.EncryptMethod, 'Status.ErrorCode': P.StatusCode, 'ConversationUnread.ConvType': P.ConvType,
  'Provision.OsType': P.OsType, 'Meta.NameSpace': P.NameSpace, 'MessageOperation.OpType': P.OpType,
  'MessageBody.Type': P.MessageType, 'MessageBody.ContentType': P.ContentType, 'MessageBody.QoS': P.QoS,
  'MessageBody.Status': P.MessageStatus, 'Conversation.Type': P.ConversationType,
  'ConversationOperation.OpType': P.ConversationOpType, 'Info.Network': P.Network, 'UserNotice.Type': P.UserNoticeType,
  'RosterNotice.Type': P.RosterNoticeType, 'GroupNotice.Type': P.GroupNoticeType, 'RtcSignal.Type': P.RtcSignalType,
};

test('every .proto enum has a typed twin with the same names and values', () => {
  const protoEnums: string[] = [];
  root.nestedArray.forEach(function walk(obj: protobuf.ReflectionObject) {
    if (obj instanceof protobuf.Enum) protoEnums.push(obj.fullName.replace('.im.floo.protobuf.', ''));
    if (obj instanceof protobuf.Namespace) obj.nestedArray.forEach(walk);
  });
  expect(protoEnums.sort()).toEqual(Object.keys(ENUMS).sort());
  for (const [name, values] of Object.entries(ENUMS)) {
    expect({ name, values }).toEqual({ name, values: root.lookupEnum(`im.floo.protobuf.${name}`).values });
  }
});

test('field numbers and types match xsync-protocol.md (spot checks of the traps)', () => {
  const field = (type: string, name: string) => root.lookupType(`im.floo.protobuf.${type}`).fields[name];
  expect([field('SyncUL', 'full_sync_num').id, field('SyncUL', 'full_sync_num').type]).toEqual([5, 'sint32']);
  expect([field('Provision', 'encrypt_method').id, field('Provision', 'encrypt_key').id]).toEqual([3, 4]);
  expect([field('MessageBody', 'from').id, field('MessageBody', 'to').id]).toEqual([2, 3]);
  expect([field('XID', 'deviceSN').id, field('XID', 'deviceSN').type]).toEqual([2, 'uint32']);
  expect(root.lookupType('im.floo.protobuf.Frame').fieldsArray.map((f) => [f.id, f.name, f.type])).toEqual([
    [1, 'vsn', 'VSN'], [2, 'compress_method', 'CompressMethod'], [3, 'command', 'Command'], [4, 'payload', 'bytes'],
    [5, 'encrypt_method', 'EncryptMethod'], [6, 'encrypt_key', 'bytes'], [7, 'check_sum', 'uint32'], [8, 'tag', 'string'],
  ]);
});

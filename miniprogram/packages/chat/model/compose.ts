/**
 * What the chat page sends for what the input made: a picked photo or video, a file, a voice
 * recording (all through `messages.sendFile`, which uploads first) and a place (a `location` message
 * whose attachment also carries the place's name), and the rows of the @ member picker.
 */
import type { ConversationRef, FlooClient } from 'floo-miniprogram';
import type { Directory } from '../../../services/directory';
import { initial } from '../../../utils/format';

/** A photo or video picked by the input. */
export interface PickedMedia { kind: 'image' | 'video'; path: string; size: number; width: number; height: number; duration?: number; thumbnailPath?: string }
/** A file picked by the input. */
export interface PickedFile { path: string; name: string; size: number }
/** A place picked by the input. */
export interface PickedPlace { name: string; address: string; latitude: number; longitude: number }
/** A row of the member picker. */
export interface MemberRow { id: string; name: string; avatar: string; initial: string }

/** Sends a picked photo or video. */
export function sendMedia(client: FlooClient, to: ConversationRef, d: PickedMedia) {
  return client.messages.sendFile({
    to, kind: d.kind, path: d.path, size: d.size, width: d.width, height: d.height,
    ...(d.kind === 'video' ? { duration: d.duration ?? 0, thumbnailPath: d.thumbnailPath } : {}),
  });
}

/** Sends a picked file under its name. */
export function sendPickedFile(client: FlooClient, to: ConversationRef, d: PickedFile) {
  return client.messages.sendFile({ to, kind: 'file', path: d.path, name: d.name, size: d.size });
}

/** Sends a voice recording (duration in seconds). */
export function sendVoice(client: FlooClient, to: ConversationRef, d: { path: string; duration: number; size: number }) {
  return client.messages.sendFile({ to, kind: 'audio', path: d.path, duration: d.duration, size: d.size });
}

/** Sends a place: `{lat, lon, addr}` as the contract says, plus its name for the map card. */
export function sendPlace(client: FlooClient, to: ConversationRef, p: PickedPlace) {
  return client.messages.send({ to, kind: 'location', attachment: { lat: p.latitude, lon: p.longitude, addr: p.address, name: p.name } });
}

/** The members the user can mention in a group (everyone else, by group nickname or name), "everyone" first. */
export async function mentionRows(client: FlooClient, directory: Directory, groupId: string, everyone: string): Promise<MemberRow[]> {
  const members = client.groups.cachedMembers(groupId) ?? (await client.groups.members(groupId, { limit: 200 })).members;
  const others = members.filter((x) => x.userId !== client.userId);
  await directory.ensure(others.map((x) => ({ type: 'user' as const, id: x.userId })));
  const rows = others.map((x) => {
    const who = directory.get({ type: 'user', id: x.userId });
    const name = x.displayName || who.name;
    return { id: x.userId, name, avatar: who.avatar, initial: initial(name) };
  });
  return [{ id: 'all', name: everyone, avatar: '', initial: '@' }, ...rows];
}

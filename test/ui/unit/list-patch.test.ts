// setData payloads of list updates: only changed rows and fields travel to the view.
import { listPatch, isEmptyPatch } from '../../../miniprogram/utils/list-patch';

const row = (key: string, unread = 0, preview = '') => ({ key, unread, preview });

test('an unchanged list needs no setData', () => {
  const list = [row('a'), row('b')];
  expect(isEmptyPatch(listPatch('items', list, list.map((r) => ({ ...r }))))).toBe(true);
});

test('a changed field of a row that kept its place is sent alone, by path', () => {
  const prev = [row('a'), row('b'), row('c')];
  const next = [row('a'), row('b', 2, 'hi'), row('c')];
  expect(listPatch('items', prev, next)).toEqual({ 'items[1].unread': 2, 'items[1].preview': 'hi' });
});

test('a row moving to the top sends the rows that shifted, not the ones below', () => {
  const prev = [row('a'), row('b'), row('c'), row('d')];
  const next = [row('c', 1), row('a'), row('b'), row('d')];
  expect(Object.keys(listPatch('items', prev, next))).toEqual(['items[0]', 'items[1]', 'items[2]']);
});

test('new rows are appended by index; a shorter list is sent whole', () => {
  expect(listPatch('items', [row('a')], [row('a'), row('b')])).toEqual({ 'items[1]': row('b') });
  expect(listPatch('items', [row('a'), row('b')], [row('b')])).toEqual({ items: [row('b')] });
});

test('nested values compare by content', () => {
  const prev = [{ key: 'a', ref: { type: 'user', id: '1' } }];
  expect(isEmptyPatch(listPatch('items', prev, [{ key: 'a', ref: { type: 'user', id: '1' } }]))).toBe(true);
});

// The demo's custom components on their own: what they draw from their properties, and the events
// they send up (the pages own all data).
import { mount, tap, type, type RenderedComponent } from './support/simulate';

function events(comp: RenderedComponent): Array<[string, unknown]> {
  const seen: Array<[string, unknown]> = [];
  const instance = comp.instance as unknown as { triggerEvent(name: string, detail: unknown): void };
  const original = instance.triggerEvent.bind(instance);
  instance.triggerEvent = (name, detail) => {
    seen.push([name, detail]);
    original(name, detail);
  };
  return seen;
}

const text = (comp: RenderedComponent, selector: string) => comp.querySelector(selector)?.dom?.textContent?.trim();

describe('conversation-item', () => {
  const item = { key: 'group-7', type: 'group', id: '7', name: 'Floo Demo', avatar: '', initial: 'F', preview: 'Alice: hi', time: '14:05', unread: 3 };

  test('draws name, preview, time and the unread badge; reports taps and deletes', async () => {
    const comp = mount('components/conversation-item/conversation-item', { item, deleteText: '删除' });
    expect(text(comp, '.name')).toBe('Floo Demo');
    expect(text(comp, '.preview')).toBe('Alice: hi');
    expect(text(comp, '.time')).toBe('14:05');
    expect(text(comp, '.badge >>> .t-badge__count')).toBe('3');
    expect(text(comp, '.delete')).toBe('删除');
    const seen = events(comp);
    await tap(comp.querySelector('.row'));
    await tap(comp.querySelector('.delete'));
    expect(seen).toEqual([['open', { type: 'group', id: '7', name: 'Floo Demo' }], ['remove', { type: 'group', id: '7', name: 'Floo Demo' }]]);
  });

  test('has no badge when everything is read', () => {
    const comp = mount('components/conversation-item/conversation-item', { item: { ...item, unread: 0 } });
    expect(comp.querySelector('.badge')).toBeFalsy();
  });
});

describe('chat-bubble', () => {
  const bubble = { key: 'c1', id: '', own: true, text: 'hello', status: 'sending', timestamp: 0, time: '10:00', name: 'Alice', avatar: '', initial: 'A', showName: false, hidden: false };

  test('an own message: right side, spinner while sending, no name', () => {
    const comp = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble });
    expect(comp.querySelector('.row--own')).toBeTruthy();
    expect(text(comp, '.text')).toBe('hello');
    expect(text(comp, '.time')).toBe('10:00');
    expect(comp.querySelector('.state')).toBeTruthy();
    expect(comp.querySelector('.state--failed')).toBeFalsy();
    expect(comp.querySelector('.name')).toBeFalsy();
  });

  test('a failed own message asks for a retry when its mark is tapped', async () => {
    const comp = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...bubble, status: 'failed' }, failedText: 'retry' });
    const seen = events(comp);
    await tap(comp.querySelector('.state--failed'));
    expect(seen).toEqual([['retry', { key: 'c1' }]]);
  });

  test('someone else\'s group message: left side, with the sender\'s name, no status', () => {
    const comp = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...bubble, own: false, status: 'unread', showName: true, name: 'Bob', time: '' } });
    expect(comp.querySelector('.row--own')).toBeFalsy();
    expect(text(comp, '.name')).toBe('Bob');
    expect(comp.querySelector('.time')).toBeFalsy();
    expect(comp.querySelector('.state')).toBeFalsy();
  });
});

describe('chat-input', () => {
  test('sends the typed text and clears; blank text is not sent', async () => {
    const comp = mount('packages/chat/components/chat-input/chat-input', { placeholder: '输入消息', sendText: '发送' });
    const seen = events(comp);
    expect(comp.data.canSend).toBe(false);
    await type(comp, '   ');
    expect(comp.data.canSend).toBe(false);
    await tap(comp.querySelector('#send'));
    expect(seen).toEqual([]);
    await type(comp, 'hi there');
    expect(comp.data.canSend).toBe(true);
    await tap(comp.querySelector('#send'));
    expect(seen).toEqual([['send', { text: 'hi there' }]]);
    expect(comp.data).toMatchObject({ value: '', canSend: false });
  });

  test('the keyboard\'s send key sends too', async () => {
    const comp = mount('packages/chat/components/chat-input/chat-input', {});
    const seen = events(comp);
    await type(comp, 'via keyboard');
    comp.querySelector('.input')!.dispatchEvent('confirm', { detail: { value: 'via keyboard' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([['send', { text: 'via keyboard' }]]);
  });
});

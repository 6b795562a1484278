/**
 * The server's streaming multipart/form-data parser (server/src/files/multipart.ts) on its own: every
 * way of splitting a body into chunks gives the same parts, and malformed bodies are refused.
 */
import { randomBytes } from 'node:crypto';
import { boundaryOf, headerParams, MultipartError, MultipartParser, type PartHeaders } from '../../../server/src/files/multipart';
import { decideMime, sniffMime } from '../../../server/src/files/mime';
import { multipart } from './files-support';

interface Parsed { part: PartHeaders; data: Buffer }

function parse(boundary: string, chunks: Buffer[]): Parsed[] {
  const p = new MultipartParser(boundary);
  const out: Parsed[] = [];
  let cur: { part: PartHeaders; data: Buffer[] } | undefined;
  for (const c of chunks) {
    for (const ev of p.push(c)) {
      if (ev.type === 'part') cur = { part: ev.part, data: [] };
      else if (ev.type === 'data') cur?.data.push(ev.chunk);
      else if (cur) {
        out.push({ part: cur.part, data: Buffer.concat(cur.data) });
        cur = undefined;
      }
    }
  }
  p.finish();
  return out;
}

function split(body: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < body.length; i++) {
    const n = sizes[i % sizes.length];
    out.push(body.subarray(at, at + n));
    at += n;
  }
  return out;
}

test('the same parts whatever the chunking (1-byte chunks, boundary-straddling splits, one piece)', () => {
  // Data that contains near-boundaries: CRLF, dashes and a prefix of the boundary.
  const boundary = 'XyZ-boundary-123';
  const tricky = Buffer.concat([Buffer.from('\r\n--XyZ-bound\r\n-\r\n--'), randomBytes(300), Buffer.from('\r\n--XyZ-boundary-12')]);
  const { body } = multipart([
    { name: 'note', data: 'hello' },
    { name: 'file', filename: 'a b.png', type: 'image/png', data: tricky },
    { name: 'empty', filename: 'e', data: Buffer.alloc(0) },
  ], boundary);
  const expected = parse(boundary, [body]);
  expect(expected.map((p) => [p.part.name, p.part.filename, p.part.contentType, p.data.length])).toEqual([
    ['note', undefined, '', 5], ['file', 'a b.png', 'image/png', tricky.length], ['empty', 'e', '', 0],
  ]);
  expect(expected[1].data.equals(tricky)).toBe(true);
  for (const sizes of [[1], [2], [3, 7], [17], [boundary.length + 3], [64, 1, 5]]) {
    const got = parse(boundary, split(body, sizes));
    expect(got.map((p) => p.data.toString('hex'))).toEqual(expected.map((p) => p.data.toString('hex')));
  }
  // A preamble before the first boundary and an epilogue after the last are ignored.
  const wrapped = Buffer.concat([Buffer.from('preamble text\r\n'), body, Buffer.from('epilogue')]);
  expect(parse(boundary, split(wrapped, [5])).map((p) => p.part.name)).toEqual(['note', 'file', 'empty']);
});

test('malformed bodies throw MultipartError', () => {
  const b = 'bnd';
  const bad: [string, RegExp][] = [
    ['--bnd\r\nContent-Disposition: form-data; name="a"\r\n\r\nxx', /truncated/],
    ['--bnd\r\nContent-Type: text/plain\r\n\r\nxx\r\n--bnd--', /Content-Disposition/],
    ['--bnd\r\nContent-Disposition: form-data\r\n\r\nxx\r\n--bnd--', /field name/],
    ['--bnd\r\nno colon here\r\n\r\nxx\r\n--bnd--', /header line/],
    ['--bndXX\r\n', /boundary line/],
    ['', /truncated/],
  ];
  for (const [text, message] of bad) expect(() => parse(b, [Buffer.from(text)])).toThrow(message);
  expect(() => parse(b, [Buffer.from(`--bnd\r\n${'H: v\r\n'.repeat(4000)}\r\n`)])).toThrow(/headers exceed/);
  const many = Array.from({ length: 21 }, (_, i) => `--bnd\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join('');
  expect(() => parse(b, [Buffer.from(`${many}--bnd--`)])).toThrow(/more than 20 parts/);
  expect(() => parse(b, [Buffer.from('x'.repeat(20_000))])).toThrow(MultipartError);
});

test('Content-Type boundaries and header parameters', () => {
  expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
  expect(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary="a b;c"')).toBe('a b;c');
  for (const bad of [undefined, 'text/plain', 'multipart/form-data', 'multipart/form-data; boundary=', `multipart/form-data; boundary=${'x'.repeat(71)}`]) {
    expect(() => boundaryOf(bad)).toThrow(MultipartError);
  }
  expect(headerParams(`form-data; name="file"; filename="a\\"b.txt"; filename*=UTF-8''%E5%9B%BE.png`)).toEqual({ name: 'file', filename: '图.png' });
});

test('upload types: declared, by name, by bytes; the slot prefix decides', () => {
  expect(sniffMime(Buffer.from('\xff\xd8\xff\xe0', 'latin1'))).toBe('image/jpeg');
  expect(sniffMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
  expect(sniffMime(Buffer.from('\0\0\0\x18ftypmp42', 'latin1'))).toBe('video/mp4');
  expect(sniffMime(Buffer.from('#!AMR\n', 'latin1'))).toBe('audio/amr');
  expect(decideMime('application/octet-stream', 'x.JPG', Buffer.alloc(0), 'image/')).toBe('image/jpeg');
  expect(decideMime('', 'voice', Buffer.from('ID3\x03', 'latin1'), 'audio/')).toBe('audio/mpeg');
  expect(decideMime('text/plain', 'x.png', Buffer.alloc(0), 'image/')).toBeUndefined();
  expect(decideMime('', 'x', Buffer.alloc(0), '')).toBe('application/octet-stream');
});

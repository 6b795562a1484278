/** The shim's file system, wx.uploadFile and wx.downloadFile (with progress). */
import { createWxShim, USER_DATA_PATH, type WxShim } from '../../support/wx-shim';
import { startEchoServer, type EchoServer } from './support/echo-server';
import { outcome } from './support/outcome';

let server: EchoServer;
let shim: WxShim;

beforeEach(async () => {
  server = await startEchoServer();
  shim = createWxShim();
});

afterEach(async () => {
  shim.control.dispose();
  await server.close();
});

test('FileSystemManager writes, reads, checks and removes files under USER_DATA_PATH', async () => {
  const fsm = shim.wx.getFileSystemManager();
  const file = `${USER_DATA_PATH}/note.txt`;
  fsm.writeFileSync(file, 'héllo', 'utf8');
  expect(fsm.readFileSync(file, 'utf8')).toBe('héllo');
  const bytes = fsm.readFileSync(file) as ArrayBuffer;
  expect(bytes.byteLength).toBe(6);
  await expect(fsm.access({ path: file })).resolves.toEqual({ errMsg: 'access:ok' });
  fsm.unlinkSync(file);
  const gone = await outcome((cb) => fsm.access({ path: file, ...cb }));
  expect(gone.result.errMsg).toBe(`access:fail no such file or directory ${file}`);
  expect(() => fsm.readFileSync('/etc/passwd', 'utf8')).toThrow(/readFileSync:fail permission denied/);
  fsm.mkdirSync(`${USER_DATA_PATH}/a/b`, true);
  await fsm.writeFile({ filePath: `${USER_DATA_PATH}/a/b/c.bin`, data: new Uint8Array([7, 8]).buffer });
  expect([...new Uint8Array(fsm.readFileSync(`${USER_DATA_PATH}/a/b/c.bin`) as ArrayBuffer)]).toEqual([7, 8]);
});

test('uploadFile posts the file as multipart/form-data with formData fields and reports progress', async () => {
  const fsm = shim.wx.getFileSystemManager();
  const file = `${USER_DATA_PATH}/photo.jpg`;
  fsm.writeFileSync(file, 'z'.repeat(200_000), 'utf8');
  const progress: number[] = [];
  const done = outcome<{ data: string; statusCode: number }>((cb) => {
    const task = shim.wx.uploadFile({ url: `${server.http}/upload`, filePath: file, name: 'file', formData: { key: 'k1' }, ...cb });
    task.onProgressUpdate((p) => progress.push(p.progress));
  });
  const r = await done;
  expect(r).toMatchObject({ ok: true, result: { statusCode: 200, errMsg: 'uploadFile:ok' } });
  const echo = JSON.parse(r.result.data) as { contentType: string; body: string };
  expect(echo.contentType).toMatch(/^multipart\/form-data; boundary=/);
  expect(echo.body).toContain('name="key"\r\n\r\nk1\r\n');
  expect(echo.body).toContain('name="file"; filename="photo.jpg"');
  expect(progress[progress.length - 1]).toBe(100);
  expect(progress.length).toBeGreaterThan(1);
  const missing = await outcome((cb) => shim.wx.uploadFile({ url: `${server.http}/upload`, filePath: `${USER_DATA_PATH}/none`, name: 'file', ...cb }));
  expect(missing.result.errMsg).toBe(`uploadFile:fail no such file or directory ${USER_DATA_PATH}/none`);
});

test('downloadFile saves to a temporary path readable through the FileSystemManager, with progress', async () => {
  const progress: number[] = [];
  const r = await outcome<{ tempFilePath: string; statusCode: number }>((cb) => {
    const task = shim.wx.downloadFile({ url: `${server.http}/bytes/300000`, ...cb });
    task.onProgressUpdate((p) => progress.push(p.totalBytesWritten));
  });
  expect(r).toMatchObject({ ok: true, result: { statusCode: 200, errMsg: 'downloadFile:ok' } });
  expect(r.result.tempFilePath).toMatch(/^wxfile:\/\/tmp_/);
  const data = new Uint8Array(shim.wx.getFileSystemManager().readFileSync(r.result.tempFilePath) as ArrayBuffer);
  expect(data.length).toBe(300000);
  expect(data[256]).toBe(0);
  expect(progress[progress.length - 1]).toBe(300000);
  const saved = await outcome<{ filePath: string }>((cb) => shim.wx.downloadFile({ url: `${server.http}/bytes/3`, filePath: `${USER_DATA_PATH}/three.bin`, ...cb }));
  expect(saved.result.filePath).toBe(`${USER_DATA_PATH}/three.bin`);
});

/** Resolves once `check()` holds (polled; the test's own timeout bounds it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

test('UploadTask.abort() ends a running upload with "uploadFile:fail abort"; a second abort changes nothing', async () => {
  const fsm = shim.wx.getFileSystemManager();
  const file = `${USER_DATA_PATH}/big.bin`;
  fsm.writeFileSync(file, 'y'.repeat(300_000), 'utf8');
  let task!: { abort(): void };
  const r = outcome((cb) => {
    task = shim.wx.uploadFile({ url: `${server.http}/hold`, filePath: file, name: 'file', ...cb });
  });
  await until(() => server.held() === 1);
  task.abort();
  expect(await r).toMatchObject({ ok: false, result: { errMsg: 'uploadFile:fail abort' } });
  expect(() => task.abort()).not.toThrow();
  const again = await outcome<{ statusCode: number }>((cb) => shim.wx.uploadFile({ url: `${server.http}/upload`, filePath: file, name: 'file', ...cb }));
  expect(again).toMatchObject({ ok: true, result: { statusCode: 200 } });
  server.release();
});

test('DownloadTask.abort() ends a running download with "downloadFile:fail abort", also before it started', async () => {
  let task!: { abort(): void };
  const r = outcome((cb) => {
    task = shim.wx.downloadFile({ url: `${server.http}/hold`, ...cb });
  });
  await until(() => server.held() === 1);
  task.abort();
  expect(await r).toMatchObject({ ok: false, result: { errMsg: 'downloadFile:fail abort' } });
  const early = await outcome((cb) => shim.wx.downloadFile({ url: `${server.http}/bytes/10`, ...cb }).abort());
  expect(early).toMatchObject({ ok: false, result: { errMsg: 'downloadFile:fail abort' } });
  server.release();
});

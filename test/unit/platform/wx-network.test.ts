/** wx.request / uploadFile / downloadFile adapters against the fake wx. */
import { wxDownload, wxUpload } from '../../../sdk/src/platform/wx/files';
import { wxRequest } from '../../../sdk/src/platform/wx/request';
import type { HttpRequest, TransferProgress } from '../../../sdk/src/core/platform';
import { createFakeWx, type FakeWx } from './fake-wx';

let wx: FakeWx;
beforeEach(() => {
  wx = createFakeWx();
});
afterEach(() => {
  jest.useRealTimers();
});

const get: HttpRequest = { method: 'GET', url: 'https://api.example/app/info', headers: { 'access-token': 't' }, timeoutMs: 5000 };

describe('request', () => {
  test('asks WeChat for the raw text body and passes method, headers, body and timeout', async () => {
    const pending = wxRequest(wx, { ...get, method: 'POST', body: '{"a":1}' });
    expect(wx.requests[0].options).toMatchObject({
      url: get.url, method: 'POST', header: { 'access-token': 't' }, data: '{"a":1}', dataType: 'text', responseType: 'text', timeout: 5000,
    });
    wx.requests[0].options.success?.({ statusCode: 200, data: '{"id":18446744073709551615}' });
    await expect(pending).resolves.toEqual({ status: 200, body: '{"id":18446744073709551615}' });
  });

  test('an HTTP error status resolves; an object body is turned back into JSON text', async () => {
    const pending = wxRequest(wx, get);
    wx.requests[0].options.success?.({ statusCode: 404, data: { code: 404 } });
    await expect(pending).resolves.toEqual({ status: 404, body: '{"code":404}' });
  });

  test('fail rejects with an Error carrying errMsg and errno', async () => {
    const pending = wxRequest(wx, get);
    wx.requests[0].options.fail?.({ errMsg: 'request:fail interrupted', errno: 600003 });
    await expect(pending).rejects.toMatchObject({ name: 'WxError', message: 'request:fail interrupted', errMsg: 'request:fail interrupted', errno: 600003 });
  });

  test('a call WeChat never answers times out, aborts the task and rejects once', async () => {
    jest.useFakeTimers();
    const pending = wxRequest(wx, { ...get, timeoutMs: 1000 });
    jest.advanceTimersByTime(1000);
    await expect(pending).rejects.toMatchObject({ errMsg: 'request:fail timeout' });
    expect(wx.requests[0].aborted).toBe(true);
    // A late answer changes nothing.
    wx.requests[0].options.success?.({ statusCode: 200, data: 'late' });
  });

  test('a wx.request that throws rejects instead', async () => {
    wx.request = () => {
      throw new Error('invalid url');
    };
    await expect(wxRequest(wx, get)).rejects.toMatchObject({ errMsg: 'invalid url' });
  });
});

describe('uploadFile', () => {
  test('passes the file, field, form data and headers; reports progress; resolves with status and body', async () => {
    const progress: TransferProgress[] = [];
    const pending = wxUpload(wx, {
      url: 'https://up.example/', filePath: 'wxfile://tmp/a.jpg', fieldName: 'file', headers: { 'access-token': 't' },
      formData: { kind: 'image' }, timeoutMs: 30000, onProgress: (p) => progress.push(p),
    });
    const call = wx.uploads[0];
    expect(call.options).toMatchObject({ url: 'https://up.example/', filePath: 'wxfile://tmp/a.jpg', name: 'file', header: { 'access-token': 't' }, formData: { kind: 'image' }, timeout: 30000 });
    call.progress.forEach((l) => l({ progress: 50, totalBytesSent: 500, totalBytesExpectedToSend: 1000 }));
    call.options.success?.({ statusCode: 200, data: '{"url":"https://cdn/a.jpg"}' });
    await expect(pending).resolves.toEqual({ status: 200, body: '{"url":"https://cdn/a.jpg"}' });
    expect(progress).toEqual([{ loaded: 500, total: 1000 }]);
  });

  test('fail rejects with errMsg', async () => {
    const pending = wxUpload(wx, { url: 'https://up/', filePath: 'p', fieldName: 'file', headers: {}, timeoutMs: 1000 });
    wx.uploads[0].options.fail?.({ errMsg: 'uploadFile:fail file not found' });
    await expect(pending).rejects.toMatchObject({ errMsg: 'uploadFile:fail file not found' });
  });
});

describe('downloadFile', () => {
  test('resolves with status and temp path and reports progress; an error status still resolves', async () => {
    const progress: TransferProgress[] = [];
    const pending = wxDownload(wx, { url: 'https://cdn/a.jpg', headers: { 'access-token': 't' }, timeoutMs: 30000, onProgress: (p) => progress.push(p) });
    const call = wx.downloads[0];
    expect(call.options).toMatchObject({ url: 'https://cdn/a.jpg', header: { 'access-token': 't' }, timeout: 30000 });
    call.progress.forEach((l) => l({ progress: 100, totalBytesWritten: 10, totalBytesExpectedToWrite: 10 }));
    call.options.success?.({ statusCode: 200, tempFilePath: 'wxfile://tmp/x.jpg' });
    await expect(pending).resolves.toEqual({ status: 200, filePath: 'wxfile://tmp/x.jpg' });
    expect(progress).toEqual([{ loaded: 10, total: 10 }]);

    const missing = wxDownload(wx, { url: 'https://cdn/none', headers: {}, timeoutMs: 1000 });
    wx.downloads[1].options.success?.({ statusCode: 404, tempFilePath: 'wxfile://tmp/404' });
    await expect(missing).resolves.toEqual({ status: 404, filePath: 'wxfile://tmp/404' });
  });
});

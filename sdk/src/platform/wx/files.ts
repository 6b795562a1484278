/** Upload and download over `wx.uploadFile` / `wx.downloadFile`, with their progress events and `abort()`. */
import type { DownloadRequest, DownloadResult, HttpResponse, UploadRequest } from '../../core/platform';
import type { WxApi } from './wx-api';
import { runWxTask } from './task';

/** Uploads `req.filePath` as multipart/form-data; resolves with the status and body text. */
export function wxUpload(wx: Required<Pick<WxApi, 'uploadFile'>>, req: UploadRequest): Promise<HttpResponse> {
  return runWxTask<{ statusCode: number; data: string }>('uploadFile', req.timeoutMs, (success, fail) => {
    const task = wx.uploadFile({
      url: req.url, filePath: req.filePath, name: req.fieldName, header: req.headers, formData: req.formData, timeout: req.timeoutMs, success, fail,
    });
    const onProgress = req.onProgress;
    if (onProgress) task?.onProgressUpdate?.((p) => onProgress({ loaded: p.totalBytesSent, total: p.totalBytesExpectedToSend }));
    req.signal?.onAbort(() => task?.abort?.());
    return task;
  }).then((res) => ({ status: res.statusCode, body: typeof res.data === 'string' ? res.data : '' }));
}

/**
 * Downloads `req.url` to a temp file. Like WeChat, an HTTP error status still resolves (with the
 * status and the saved body); only transport failures reject.
 */
export function wxDownload(wx: Required<Pick<WxApi, 'downloadFile'>>, req: DownloadRequest): Promise<DownloadResult> {
  return runWxTask<{ statusCode: number; tempFilePath: string }>('downloadFile', req.timeoutMs, (success, fail) => {
    const task = wx.downloadFile({ url: req.url, header: req.headers, timeout: req.timeoutMs, success, fail });
    const onProgress = req.onProgress;
    if (onProgress) task?.onProgressUpdate?.((p) => onProgress({ loaded: p.totalBytesWritten, total: p.totalBytesExpectedToWrite }));
    req.signal?.onAbort(() => task?.abort?.());
    return task;
  }).then((res) => ({ status: res.statusCode, filePath: res.tempFilePath }));
}

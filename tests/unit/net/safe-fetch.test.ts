import { describe, expect, it } from 'vitest';
import { safeFetch, type FetchLike, type SafeFetchOptions } from '@/utils/net/safe-fetch';
import { acceptsHtml, decodeHtml } from '@/utils/fetch-article';

const PUBLIC_PAGE = 'https://news.example.com/front';
const LOOPBACK_PAGE = 'http://127.0.0.1:8080/links.html';

const options = (extra: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  maxBytes: 1024,
  timeoutMs: 5_000,
  accept: acceptsHtml,
  initiator: PUBLIC_PAGE,
  ...extra,
});

/** A response as the browser would give it after following redirects to `finalUrl`. */
function respond(body: BodyInit | null, init: ResponseInit & { url?: string; redirected?: boolean } = {}): Response {
  const response = new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });
  if (init.url) Object.defineProperty(response, 'url', { value: init.url });
  if (init.redirected) Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

function recorder(make: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return make(url, init);
  };
  return { calls, impl };
}

describe('safeFetch: address spaces (Private Network Access)', () => {
  it.each([
    'http://127.0.0.1/admin',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://localhost:9200/',
    'http://0.0.0.0:8080/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://192.168.1.1/reboot',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd12::1]/',
  ])('refuses %s linked from a public page without sending anything', async (url) => {
    const { calls, impl } = recorder(() => respond('<p>secret</p>'));
    const result = await safeFetch(url, options(), impl);
    expect(result).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(calls).toEqual([]);
  });

  it('treats a request without an initiator as coming from a public page', async () => {
    const { calls, impl } = recorder(() => respond('<p>x</p>'));
    const { initiator: _none, ...rest } = options();
    expect(await safeFetch('http://10.0.0.1/', rest, impl)).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(calls).toEqual([]);
  });

  it('lets a loopback page link to loopback and a private page to private (the e2e server, a local dev site)', async () => {
    const { impl } = recorder((url) => respond('<p>ok</p>', { url }));
    expect(await safeFetch('http://127.0.0.1:8080/story.html', options({ initiator: LOOPBACK_PAGE }), impl)).toMatchObject({ ok: true });
    expect(await safeFetch('http://192.168.1.20/story.html', options({ initiator: 'http://192.168.1.10/' }), impl)).toMatchObject({ ok: true });
    expect(await safeFetch('http://192.168.1.20/', options({ initiator: LOOPBACK_PAGE }), impl)).toMatchObject({ ok: true });
  });

  it('refuses a public link that redirected to a private address, and reads none of its body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('<p>router page</p>'));
      },
    });
    const { calls, impl } = recorder(() => respond(body, { url: 'http://192.168.0.1/', redirected: true }));
    const result = await safeFetch('https://short.example/abc', options(), impl);
    expect(result).toMatchObject({ ok: false, reason: 'blocked-address', url: 'http://192.168.0.1/' });
    expect(calls).toHaveLength(1);
    // new Response() may pull once to prime the stream; Folio never asks for more.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const { impl } = recorder(() => respond('x', { url: 'file:///etc/passwd', redirected: true }));
    expect(await safeFetch('https://short.example/abc', options(), impl)).toMatchObject({ ok: false, reason: 'invalid-url' });
  });

  it('follows redirects itself (manual redirects are opaque to extensions) and reports the final URL as the base', async () => {
    const { calls, impl } = recorder(() => respond('<p>story</p>', { url: 'https://news.example.com/2026/story.html', redirected: true }));
    const result = await safeFetch('https://t.example/xyz', options({ credentials: 'include' }), impl);
    expect(result).toMatchObject({ ok: true, finalUrl: 'https://news.example.com/2026/story.html', contentType: 'text/html', charset: 'utf-8' });
    expect(calls[0]!.init).toMatchObject({ redirect: 'follow', credentials: 'include' });
  });

  it('sends no cookies unless asked', async () => {
    const { calls, impl } = recorder(() => respond('<p>x</p>'));
    await safeFetch('https://news.example.com/a', options(), impl);
    expect(calls[0]!.init.credentials).toBe('omit');
  });

  it('refuses what is not http(s) before fetching', async () => {
    const { calls, impl } = recorder(() => respond('x'));
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'chrome://settings', 'relative/path']) {
      expect(await safeFetch(url, options(), impl)).toMatchObject({ ok: false, reason: 'invalid-url' });
    }
    expect(calls).toEqual([]);
  });
});

describe('safeFetch: size, type, status, time', () => {
  it('stops reading at the byte cap when the server sends no Content-Length', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(100));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { impl } = recorder(() => respond(endless));
    const result = await safeFetch('https://news.example.com/huge', options({ maxBytes: 1000 }), impl);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(cancelled).toBe(true);
    // 11 chunks of 100 bytes pass 1000; a few more may be queued ahead, never the endless rest.
    expect(pulled).toBeLessThan(20);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const { impl } = recorder(() => respond('small', { headers: { 'content-type': 'text/html', 'content-length': '999999' } }));
    expect(await safeFetch('https://news.example.com/a', options(), impl)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('stops at the cap even when Content-Length lies low', async () => {
    const { impl } = recorder(() => respond('x'.repeat(5000), { headers: { 'content-type': 'text/html', 'content-length': '10' } }));
    expect(await safeFetch('https://news.example.com/a', options(), impl)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('returns exactly the bytes under the cap', async () => {
    const { impl } = recorder(() => respond('<p>héllo</p>'));
    const result = await safeFetch('https://news.example.com/a', options(), impl);
    expect(result.ok && new TextDecoder().decode(result.body)).toBe('<p>héllo</p>');
  });

  it('checks the content type through `accept`', async () => {
    const { impl } = recorder(() => respond('%PDF', { headers: { 'content-type': 'application/pdf' } }));
    expect(await safeFetch('https://news.example.com/a.pdf', options(), impl)).toMatchObject({ ok: false, reason: 'unsupported-type', detail: 'content-type application/pdf' });
  });

  it('gives a typed Blob for images', async () => {
    const { impl } = recorder(() => respond(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/png' } }));
    const result = await safeFetch('https://cdn.example.com/a.png', { ...options(), accept: (t) => t.startsWith('image/'), as: 'blob' }, impl);
    expect(result.ok && result.body instanceof Blob && result.body.type).toBe('image/png');
    expect(result.ok && result.body.size).toBe(4);
  });

  it('reports HTTP errors with their status', async () => {
    const { impl } = recorder(() => respond('gone', { status: 404 }));
    expect(await safeFetch('https://news.example.com/a', options(), impl)).toMatchObject({ ok: false, reason: 'http-status', detail: 'HTTP 404' });
  });

  it('keeps the time limit, also while the body trickles in', async () => {
    const stall: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    expect(await safeFetch('https://slow.example/', options({ timeoutMs: 50 }), stall)).toMatchObject({ ok: false, reason: 'timeout' });

    const trickle: FetchLike = async (_url, init) =>
      respond(new ReadableStream({ start(controller) { init.signal!.addEventListener('abort', () => controller.error(init.signal!.reason)); } }));
    expect(await safeFetch('https://slow.example/', options({ timeoutMs: 50 }), trickle)).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('turns network errors into a value', async () => {
    const broken: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await safeFetch('https://down.example/', options(), broken)).toMatchObject({ ok: false, reason: 'network', detail: 'TypeError: Failed to fetch' });
  });
});

describe('decodeHtml', () => {
  it('uses the header charset, else the page\'s <meta charset>, else UTF-8', () => {
    const latin = new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]); // <p>é</p> in windows-1252
    expect(decodeHtml(latin, 'windows-1252')).toBe('<p>é</p>');
    const withMeta = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1252">'), 0xe9]);
    expect(decodeHtml(withMeta, null).endsWith('é')).toBe(true);
    expect(decodeHtml(new TextEncoder().encode('é'), null)).toBe('é');
    expect(decodeHtml(new TextEncoder().encode('é'), 'no-such-charset')).toBe('é');
  });
});

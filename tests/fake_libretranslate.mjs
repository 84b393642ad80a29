// A LibreTranslate-compatible server for tests, on loopback only:
// POST /translate {q, source, target, format, api_key} → {"translatedText": "[target] q"}.
// Answers 403 when FAKE_TRANSLATE_KEY is set and api_key differs, as LibreTranslate does.
import http from 'node:http';

const port = Number(process.argv[2]);
const key = process.env.FAKE_TRANSLATE_KEY ?? '';

http
  .createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const reply = (status, value) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (request.method !== 'POST' || request.url !== '/translate') return reply(404, { error: 'Not Found' });
      let input;
      try {
        input = JSON.parse(body);
      } catch {
        return reply(400, { error: 'Invalid request' });
      }
      if (key && input.api_key !== key) return reply(403, { error: 'Invalid API key' });
      reply(200, { translatedText: `[${input.target}] ${input.q}` });
    });
  })
  .listen(port, '127.0.0.1', () => console.log('ready'));

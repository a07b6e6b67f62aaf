// A local OpenAI-compatible upstream that answers at once, for the benchmarks. Each
// answer repeats the prompt's "Prior output" (what a well-behaved layer model
// returns), so governance guards see realistic text. Runs as its own process:
//
//   node bench/instant-upstream.mjs     → prints {"port": <n>} on stdout
//
// GET /calls returns how many completions it has served.
import { createServer } from 'node:http';

let calls = 0;
const marker = 'Prior output:\n';

function reply(prompt) {
  const at = prompt.lastIndexOf(marker);
  const content = at === -1 ? 'ok' : prompt.slice(at + marker.length);
  return JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 0,
    model: 'bench-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: Math.ceil(prompt.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: 0 },
  });
}

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/calls') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ calls }));
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    calls += 1;
    let prompt = '';
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      prompt = String(body.messages?.at(-1)?.content ?? '');
    } catch {
      // an unreadable body still gets an answer: the benchmark measures transport
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(reply(prompt));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

// Drives an MCP server over Streamable HTTP with the official MCP TypeScript SDK client
// (StreamableHTTPClientTransport), as a remote host does: initialize with the bearer token, list the tools and
// call them; then the same client with a wrong token, and raw requests with a wrong token and a foreign Origin,
// to see what the server answers before any tool runs. Prints one JSON report.
// usage: MCP_TOKEN=<token> node mcp-http-client.mjs <url>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [, , url] = process.argv;
const token = process.env.MCP_TOKEN;
const report = {};

async function attempt(call) {
  try {
    return { thrown: false, result: await call() };
  } catch (e) {
    return { thrown: true, code: e.code ?? null, message: String(e.message) };
  }
}

function transport(bearer) {
  return new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
  });
}

const call = (id) => JSON.stringify({
  jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'bump', arguments: { version: '1.0.0', level: 'PATCH' } },
});
const initialize = JSON.stringify({
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

async function raw(headers, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body,
  });
  return { status: response.status, body: await response.text() };
}

const client = new Client({ name: 'codexplugin-e2e-http', version: '1.0.0' });
try {
  await client.connect(transport(token));
  report.serverVersion = client.getServerVersion();
  report.protocolVersion = client.transport?.protocolVersion ?? null;
  report.sessionId = client.transport?.sessionId ?? null;
  report.tools = (await client.listTools()).tools;
  report.success = await attempt(() => client.callTool({ name: 'compare', arguments: { a: '1.10.0', b: '1.9.0' } }));
  report.invalid = await attempt(() => client.callTool({ name: 'bump', arguments: { version: '1.0.0', level: 'HUGE' } }));
  let failures = 0;
  const started = Date.now();
  for (let i = 0; i < 200; i++) {
    const r = await client.callTool({ name: 'bump', arguments: { version: `1.${i}.0`, level: 'PATCH' } });
    if (r.isError || r.content?.[0]?.text !== `1.${i}.1`) {
      failures++;
    }
  }
  report.sequential = { calls: 200, failures, millis: Date.now() - started };

  // A wrong token: the official client's connect fails, and a raw tools/call (with the valid session id) is
  // answered 401 without a result.
  const wrong = new Client({ name: 'codexplugin-e2e-wrong-token', version: '1.0.0' });
  report.wrongTokenConnect = await attempt(() => wrong.connect(transport(token + '-wrong')));
  await wrong.close().catch(() => {});
  report.wrongTokenCall = await raw({ Authorization: `Bearer ${token}-wrong`, 'Mcp-Session-Id': report.sessionId,
    'Mcp-Protocol-Version': report.protocolVersion ?? '2025-11-25' }, call(77));
  report.noTokenCall = await raw({ 'Mcp-Session-Id': report.sessionId }, call(78));
  // DNS rebinding: a page of another origin that reaches the port is refused, even with the right token.
  report.foreignOrigin = await raw({ Authorization: `Bearer ${token}`, Origin: 'http://evil.example' }, initialize);
  report.loopbackOrigin = await raw({ Authorization: `Bearer ${token}`, Origin: 'http://localhost:3000' }, initialize);
} catch (e) {
  report.fatal = String(e && e.stack || e);
}
await client.close().catch(() => {});
console.log(JSON.stringify(report));

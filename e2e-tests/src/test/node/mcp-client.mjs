// Drives a plugin's bundled MCP server with the official MCP TypeScript SDK client, the way a real host does:
// spawn it from the plugin folder over stdio, initialize, list the tools and call them. Prints one JSON report.
// usage: node mcp-client.mjs <plugin-folder> <command> [args...]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [, , pluginDir, command, ...args] = process.argv;
const transport = new StdioClientTransport({ command, args, cwd: pluginDir, stderr: 'pipe' });
let stderr = '';
transport.stderr?.on('data', (chunk) => { stderr += chunk; });
const client = new Client({ name: 'codexplugin-e2e', version: '1.0.0' });

const report = {};
async function attempt(call) {
  try {
    return { thrown: false, result: await call() };
  } catch (e) {
    return { thrown: true, code: e.code ?? null, message: String(e.message) };
  }
}

try {
  await client.connect(transport);
  report.serverVersion = client.getServerVersion();
  report.tools = (await client.listTools()).tools;
  report.success = await attempt(() => client.callTool({ name: 'compare', arguments: { a: '1.10.0', b: '1.9.0' } }));
  report.invalid = await attempt(() => client.callTool({ name: 'bump', arguments: { version: '1.0.0', level: 'HUGE' } }));
  report.throwing = await attempt(() => client.callTool({ name: 'compare', arguments: { a: '1.x', b: '1.0.0' } }));
  let failures = 0;
  const started = Date.now();
  for (let i = 0; i < 1000; i++) {
    const r = await client.callTool({ name: 'bump', arguments: { version: `1.${i}.0`, level: 'PATCH' } });
    if (r.isError || r.content?.[0]?.text !== `1.${i}.1`) {
      failures++;
    }
  }
  report.sequential = { calls: 1000, failures, millis: Date.now() - started };
} catch (e) {
  report.fatal = String(e && e.stack || e);
}
await client.close().catch(() => {});
report.stderr = stderr;
console.log(JSON.stringify(report));

import { Command, CommanderError } from 'commander';
import { DaxError } from '@dax/protocol';
import { type CliIo, writeLine } from './cli-io.js';
import { exitCodes } from './exit-codes.js';

/** With DAX_DEBUG=1 an operator sees the underlying cause on stderr (never shown otherwise). */
function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
}

export interface GlobalOptions {
  readonly config?: string;
  readonly dataDir?: string;
  readonly policies?: string;
}

/** A command's action: returns the process exit code. */
export type CommandAction = (io: CliIo, globals: GlobalOptions) => Promise<number>;

function collectGlobals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/**
 * Declares every command in one place (with descriptions and examples) and loads
 * each implementation lazily. Only `bin.ts` turns the returned code into an exit.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command('dax')
    .description('Dax: a governance gateway for LLM work. Every intent passes fourteen governed layers.')
    .option('--config <path>', 'layer configuration file (default: $DAX_CONFIG, ./config/layers.json, bundled)')
    .option('--policies <dir>', 'Cedar policy directory (default: $DAX_POLICIES_DIR, beside the config)')
    .option('--data-dir <dir>', 'data directory of the embedded store (default: $DAX_DATA_DIR or ~/.dax)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run "dax --help" for usage)');

  const bind =
    (load: () => Promise<{ default: (...args: never[]) => CommandAction }>) =>
    (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const globals = collectGlobals(command);
      return load().then(async (module) => {
        const action = (module.default as (...actionArgs: unknown[]) => CommandAction)(...args.slice(0, -1));
        exitCode = await action(io, globals);
      });
    };

  program
    .command('run')
    .description('run an intent through the fourteen governed layers')
    .argument('[intent...]', 'the intent text (or read from standard input)')
    .option('--json', 'print one JSON result')
    .option('--ndjson', 'print the event stream, one JSON event per line')
    .option('--include-reasons', 'ask each layer for {output, reason} JSON')
    .option('--provider <provider>', 'offline | scripted:<file> | a provider id (xai, openai, anthropic, local)')
    .option('--domain <domain>', 'policy domain of the run', 'default')
    .option('--url <gateway>', 'talk to this Dax gateway instead of running locally (default: $DAX_URL; key from $DAX_API_KEY)')
    .addHelpText('after', '\nExamples:\n  dax run "Draft a polite reply thanking Dana for the Q3 report"\n  dax run --json --provider scripted:drill.json "Wire 2,500 EUR to ACME"')
    .action(bind(() => import('./commands/run-command.js')));

  program
    .command('validate')
    .description('grade an intent with the deterministic guards only (no model)')
    .argument('[text...]', 'the text (or read from standard input)')
    .option('--json', 'print {risk, gate, decision, ruleIds, findings}')
    .option('--domain <domain>', 'policy domain', 'default')
    .option('--url <gateway>', 'talk to this Dax gateway instead of running locally (default: $DAX_URL; key from $DAX_API_KEY)')
    .action(bind(() => import('./commands/validate-command.js')));

  program
    .command('redact')
    .description('replace personal data and secrets with typed placeholders')
    .argument('[text...]', 'the text (or read from standard input)')
    .option('--json', 'print {redacted, findings: [{type, start, end}]}')
    .action(bind(() => import('./commands/redact-command.js')));

  program
    .command('drift')
    .description('check a candidate text against what an intent stated')
    .requiredOption('--intent <text>', 'the original intent')
    .requiredOption('--candidate <text>', 'the later text to check')
    .option('--json', 'print {drift, changes: [{kind, expected, found}]}')
    .action(bind(() => import('./commands/drift-command.js')));

  const runs = program.command('runs').description('inspect stored runs');
  runs
    .command('list')
    .description('list recent runs, newest first')
    .option('--status <status>', 'only runs with this status')
    .option('--limit <n>', 'how many', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'talk to this Dax gateway instead of running locally (default: $DAX_URL; key from $DAX_API_KEY)')
    .action(bind(() => import('./commands/runs-list-command.js')));
  runs
    .command('show')
    .description('show one run with its trace')
    .argument('<runId>', 'the run id')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'talk to this Dax gateway instead of running locally (default: $DAX_URL; key from $DAX_API_KEY)')
    .action(bind(() => import('./commands/runs-show-command.js')));

  const gates = program.command('gates').description('human gates (DA-7): list, inspect, acknowledge, approve, deny');
  const urlHelp = 'talk to this Dax gateway (default: $DAX_URL; key from $DAX_API_KEY); list and show also work locally';
  gates
    .command('list')
    .description('list gates, the longest waiting first')
    .option('--status <status>', 'open (opened, notified, acknowledged) or one status', 'open')
    .option('--limit <n>', 'how many', '50')
    .option('--tenant <tenant>', 'local mode: whose gates', 'default')
    .option('--json', 'print JSON')
    .option('--url <gateway>', urlHelp)
    .addHelpText('after', '\nExamples:\n  dax gates list --url https://dax.example.com\n  dax gates list --status expired --json')
    .action(bind(() => import('./commands/gates-list-command.js')));
  gates
    .command('show')
    .description('show a gate: why the run paused, who may decide, by when, decisions and deliveries')
    .argument('<gateId>', 'the gate id')
    .option('--tenant <tenant>', 'local mode: whose gate', 'default')
    .option('--json', 'print JSON')
    .option('--url <gateway>', urlHelp)
    .action(bind(() => import('./commands/gates-show-command.js')));
  for (const [name, description] of [
    ['ack', 'acknowledge a gate (stops escalation; the decide deadline still holds)'],
    ['approve', 'approve a gate; the run resumes once the gate has its approvals (P0: two people)'],
    ['deny', 'deny a gate; the run ends denied and nothing after DA-7 runs'],
  ] as const) {
    gates
      .command(name)
      .description(description)
      .argument('<gateId>', 'the gate id (dax gates list)')
      .option('--comment <text>', 'why; recorded in the gate, the run trace and its evidence')
      .option('--json', 'print JSON')
      .option('--url <gateway>', 'the Dax gateway (default: $DAX_URL; key from $DAX_API_KEY)')
      .addHelpText('after', `\nExample:\n  DAX_API_KEY=… dax gates ${name} gate_123 --url https://dax.example.com --comment "checked CHG-42"`)
      .action(
        bind(() =>
          name === 'ack' ? import('./commands/gates-ack-command.js') : name === 'approve' ? import('./commands/gates-approve-command.js') : import('./commands/gates-deny-command.js'),
        ),
      );
  }

  const config = program.command('config').description('work with the layer configuration');
  config
    .command('validate')
    .description('validate a layer file and the policy directory')
    .argument('[path]', 'layer file (default: the active configuration)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-validate-command.js')));

  const keys = program.command('keys').description('manage gateway API keys in the embedded store');
  keys
    .command('create')
    .description('create an API key bound to a tenant and roles; prints the key once')
    .requiredOption('--tenant <tenant>', 'the tenant the key acts for')
    .requiredOption('--role <role>', 'caller | approver | reviewer | admin | auditor | operator (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--name <name>', 'a label to recognise the key by')
    .option('--json', 'print JSON (includes the key)')
    .addHelpText('after', '\nExamples:\n  dax keys create --tenant acme --role admin --name bootstrap\n  dax keys create --tenant acme --role caller --role auditor')
    .action(bind(() => import('./commands/keys-create-command.js')));
  keys
    .command('list')
    .description('list API keys (never the keys themselves)')
    .option('--tenant <tenant>', 'only this tenant')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/keys-list-command.js')));
  keys
    .command('revoke')
    .description('revoke an API key; the gateway refuses it from the next request')
    .argument('<keyId>', 'the key id shown by dax keys list')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/keys-revoke-command.js')));

  program
    .command('serve')
    .description('start the gateway (HTTP API, SSE, OpenAI-compatible endpoint) on the embedded store')
    .option('--host <host>', 'interface to listen on (default: $DAX_HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free one (default: $DAX_PORT or 8787)')
    .option('--config-file <path>', 'gateway settings as JSON (default: $DAX_GATEWAY_CONFIG)')
    .option('--provider <provider>', 'offline | scripted:<file> | a provider id (default: $DAX_PROVIDER or offline)')
    .option('--tls-cert <path>', 'serve HTTPS with this certificate (PEM)')
    .option('--tls-key <path>', 'private key of --tls-cert (PEM)')
    .option('--tls-ca <path>', 'CA that client certificates must chain to')
    .option('--mtls', 'mutual TLS: refuse clients without a certificate from --tls-ca')
    .addHelpText('after', '\nExamples:\n  dax serve\n  dax serve --host 0.0.0.0 --port 8443 --tls-cert server.pem --tls-key server-key.pem\n  dax keys create --tenant default --role admin   # then call the API with that key')
    .action(bind(() => import('./commands/serve-command.js')));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (io.env.DAX_DEBUG === '1') writeLine(io.stderr, describeCause(error));
    if (DaxError.isInstance(error)) {
      writeLine(io.stderr, `dax: ${error.code}: ${error.message}`);
      return error.code === 'DAX_E_USAGE' || error.code === 'DAX_E_INPUT_INVALID' || error.code === 'DAX_E_INPUT_TOO_LARGE'
        ? exitCodes.usage
        : exitCodes.failure;
    }
    writeLine(io.stderr, 'dax: DAX_E_INTERNAL: An internal error occurred.');
    return exitCodes.failure;
  }
}

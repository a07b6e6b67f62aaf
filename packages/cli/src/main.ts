import { Command, CommanderError } from 'commander';
import { DaxError } from '@dax/protocol';
import { type CliIo, writeLine } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import { addTraceFilterOptions } from './trace-filter-options.js';

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
    .option('--subject <id>', 'data subject the run concerns: its texts are stored encrypted with the subject\'s key (for erasure)')
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

  const traces = program.command('traces').description('search stored runs (trace search)');
  addTraceFilterOptions(
    traces
      .command('search')
      .description('find runs by time, status, domain, layer, risk, rule id, model, gate state or text, newest first'),
  )
    .option('--limit <n>', 'how many per page', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--tenant <tenant>', 'local mode: the tenant to search (default: default)')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'talk to this Dax gateway instead of the local store (default: $DAX_URL; key from $DAX_API_KEY)')
    .addHelpText('after', '\nExamples:\n  dax traces search --layer DA-3 --from 2026-01-01T00:00:00Z\n  dax traces search --status awaiting_approval --gate pending --json\n  dax traces search --text "northwind" --model grok-4')
    .action(bind(() => import('./commands/traces-search-command.js')));

  const views = program.command('views').description('saved trace searches, shared by a tenant');
  const viewsLoader = (name: 'viewsSaveCommand' | 'viewsListCommand' | 'viewsRunCommand' | 'viewsDeleteCommand') => () =>
    import('./commands/views-command.js').then((module) => ({ default: module[name] }));
  addTraceFilterOptions(views.command('save').description('save a trace search under a name').argument('<name>', 'the view name'))
    .option('--tenant <tenant>', 'local mode: the tenant (default: default)')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'talk to this Dax gateway (default: $DAX_URL; key from $DAX_API_KEY)')
    .addHelpText('after', '\nExamples:\n  dax views save "drift in payments" --layer DA-3 --domain payments')
    .action(bind(viewsLoader('viewsSaveCommand')));
  views
    .command('list')
    .description("list the tenant's saved views")
    .option('--tenant <tenant>', 'local mode: the tenant (default: default)')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'talk to this Dax gateway (default: $DAX_URL; key from $DAX_API_KEY)')
    .action(bind(viewsLoader('viewsListCommand')));
  views
    .command('run')
    .description("run a saved view's search")
    .argument('<view>', 'the view id or name')
    .option('--limit <n>', 'how many per page', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--tenant <tenant>', 'local mode: the tenant (default: default)')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'talk to this Dax gateway (default: $DAX_URL; key from $DAX_API_KEY)')
    .action(bind(viewsLoader('viewsRunCommand')));
  views
    .command('delete')
    .description('delete a saved view')
    .argument('<view>', 'the view id or name')
    .option('--tenant <tenant>', 'local mode: the tenant (default: default)')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'talk to this Dax gateway (default: $DAX_URL; key from $DAX_API_KEY)')
    .action(bind(viewsLoader('viewsDeleteCommand')));

  const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];
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
  config
    .command('propose')
    .description('propose a new version of a domain\'s layer file (or of the model policy)')
    .option('--domain <domain>', 'the domain (ignored for a model policy file)', 'default')
    .requiredOption('--file <path>', 'layers.json (a JSON array) or models.json (an object)')
    .option('--note <text>', 'migration note: "What changed: … Why: … Rollback: …"')
    .option('--note-file <path>', 'the migration note from a file')
    .option('--as <name>', 'who proposes (default: the operating-system user)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  dax config propose --domain default --file layers.json --note "What changed: DA-1 wording. Why: audit finding 12. Rollback: dax config rollback --domain default"')
    .action(bind(() => import('./commands/config-propose-command.js')));
  config
    .command('approve')
    .description('approve a proposed version (one approver per required group; never your own proposal)')
    .argument('<versionId>', 'version id or its first 8+ hex digits')
    .option('--domain <domain>', 'the domain, when the id is ambiguous')
    .option('--group <group>', 'an approval group you belong to (repeatable)', repeatable)
    .option('--as <name>', 'who approves (default: the operating-system user)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-approve-command.js')));
  config
    .command('activate')
    .description('make an approved version the active one of its domain')
    .argument('<versionId>', 'version id or its first 8+ hex digits')
    .option('--domain <domain>', 'the domain, when the id is ambiguous')
    .option('--as <name>', 'who activates (default: the operating-system user)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-activate-command.js')));
  config
    .command('rollback')
    .description('return a domain to its previously active version')
    .requiredOption('--domain <domain>', 'the domain')
    .option('--models', 'roll back the model policy instead of the domain\'s layers')
    .option('--as <name>', 'who rolls back (default: the operating-system user)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-rollback-command.js')));
  config
    .command('history')
    .description('versions of a domain with their notes, and who did what when (use --domain "*" for the model policy)')
    .requiredOption('--domain <domain>', 'the domain')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-history-command.js')));
  config
    .command('diff')
    .description('per-layer prompt diff between two versions')
    .argument('<from>', 'version id (or prefix)')
    .argument('<to>', 'version id (or prefix)')
    .option('--domain <domain>', 'the domain, when an id is ambiguous')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-diff-command.js')));
  config
    .command('export')
    .description('write a version as a bundle signed with this installation\'s Ed25519 key')
    .argument('<versionId>', 'version id (or prefix)')
    .option('--domain <domain>', 'the domain, when the id is ambiguous')
    .option('--out <path>', 'write to this file (default: standard output)')
    .action(bind(() => import('./commands/config-export-command.js')));
  config
    .command('import')
    .description('import a signed bundle as a new proposal (it must be approved here again)')
    .argument('<file>', 'the bundle')
    .option('--trust-key <pem>', 'public key allowed to have signed it (repeatable; default: this installation\'s key)', repeatable)
    .option('--as <name>', 'who imports (default: the operating-system user)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/config-import-command.js')));

  const keys = program.command('keys').description('manage gateway API keys in the embedded store');
  keys
    .command('create')
    .description('create an API key bound to a tenant and roles; prints the key once')
    .requiredOption('--tenant <tenant>', 'the tenant the key acts for')
    .requiredOption('--role <role>', 'caller | approver | reviewer | admin | auditor | operator | metrics (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
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

  const evidence = program.command('evidence').description('verify and export the signed, tamper-evident evidence of runs');
  evidence
    .command('verify')
    .description("check a run's envelope signatures, inclusion in the latest checkpoint and match with the stored run")
    .argument('<runId>', 'the run id')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/evidence-verify-command.js')));
  evidence
    .command('verify-log')
    .description('recompute the whole evidence log and check every signature and checkpoint; names any tampered run')
    .option('--checkpoint <file>', 'also prove that a checkpoint kept from earlier (checkpoint.txt) is a prefix of the log')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/evidence-verify-log-command.js')));
  evidence
    .command('checkpoint')
    .description('print the latest signed checkpoint of the evidence log (signing one for the current size if missing)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/evidence-checkpoint-command.js')));
  evidence
    .command('export')
    .description("write a run's statement, envelope, signed bytes, signature, public key, inclusion proof and checkpoint")
    .argument('<runId>', 'the run id')
    .requiredOption('--out <dir>', 'directory to write the files to')
    .option('--json', 'print JSON')
    .option('--url <gateway>', 'export from this Dax gateway (auditor key in $DAX_API_KEY) instead of the local store')
    .addHelpText('after', '\nExamples:\n  dax evidence export run_123 --out evidence/\n  openssl pkeyutl -verify -pubin -inkey evidence/public-key.pem -rawin -in evidence/pae.bin -sigfile evidence/signature.bin')
    .action(bind(() => import('./commands/evidence-export-command.js')));
  const dsr = program.command('dsr').description('data subject requests on the embedded store: erase or export a person');
  dsr
    .command('erase')
    .description("destroy a subject's data key and texts; run metadata and evidence remain")
    .requiredOption('--subject <id>', 'the subject id runs were started with')
    .option('--tenant <tenant>', 'the tenant the subject belongs to', 'default')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  dax dsr erase --subject customer-4711 --tenant acme')
    .action(bind(() => import('./commands/dsr-erase-command.js')));
  dsr
    .command('export')
    .description("print everything stored about a subject (runs and texts) as JSON")
    .requiredOption('--subject <id>', 'the subject id runs were started with')
    .option('--tenant <tenant>', 'the tenant the subject belongs to', 'default')
    .option('--out <file>', 'write to this file (mode 0600) instead of standard output')
    .action(bind(() => import('./commands/dsr-export-command.js')));

  const retention = program.command('retention').description('data retention of the embedded store');
  retention
    .command('apply')
    .description('remove texts older than their data class allows, leaving tombstones')
    .option('--dry-run', 'count what would be removed, change nothing')
    .option('--days <class=days>', 'override a class, e.g. restricted=7 or public=forever (repeatable)', repeatable)
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  dax retention apply --dry-run\n  dax retention apply --days restricted=7')
    .action(bind(() => import('./commands/retention-apply-command.js')));

  program
    .command('backup')
    .description('write a signed backup of every table of the embedded store')
    .requiredOption('--out <file>', 'the backup file to create (must not exist)')
    .option('--json', 'print JSON')
    .action(bind(() => import('./commands/backup-command.js')));

  program
    .command('restore')
    .description('restore a backup into an empty store, verifying it completely first')
    .argument('<file>', 'the backup file')
    .option('--public-key <pem>', 'trust manifests signed by this Ed25519 public key (repeatable; the data directory\'s own key is trusted)', repeatable)
    .option('--erasure-ledger <file>', 'apply the erasures in this ledger file too (repeatable)', repeatable)
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  dax backup --out dax-2026-01-31.backup\n  dax --data-dir /srv/dax-new restore dax-2026-01-31.backup --public-key backup-key.pub.pem')
    .action(bind(() => import('./commands/restore-command.js')));

  const drill = program.command('drill').description('inject an anomaly into a running drill gateway, check that governance caught it, write a report');
  const drillUrlHelp = 'the gateway, started with --provider scripted:config/drills/drills.json (default: $DAX_URL; key from $DAX_API_KEY)';
  for (const [kind, description] of [
    ['drift', 'a layer drifts on every call: expect drift findings, a rollback (a halt at DA-1) and dax_drift_detections_total to rise'],
    ['rollback', 'DA-4 is unstable: expect a DA-X rollback and dax_rollbacks_total to rise'],
    ['outage', 'the upstream answers 503: expect failed runs with the provider code, an open breaker and provider errors to rise'],
  ] as const) {
    const command = drill
      .command(kind)
      .description(description)
      .option('--url <gateway>', drillUrlHelp)
      .option('--metrics-key <key>', 'key with the metrics or operator role for /metrics (default: $DAX_METRICS_KEY, else $DAX_API_KEY)')
      .option('--metrics-url <url>', 'read metrics here instead (a separate metrics listener, observability.metricsPort)')
      .option('--out <dir>', 'directory for the dated Markdown report', 'drill-reports')
      .option('--json', 'print the outcome as JSON');
    if (kind === 'drift') command.option('--layer <layer>', 'the layer that drifts, DA-13 … DA-1', 'DA-6');
    command
      .addHelpText('after', `\nExample:\n  DAX_API_KEY=… DAX_METRICS_KEY=… dax drill ${kind} --url http://127.0.0.1:8787${kind === 'drift' ? ' --layer DA-6' : ''}`)
      .action(bind(() => import('./commands/drill-command.js').then((module) => ({ default: (options: object) => module.default(kind, options) }))));
  }

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

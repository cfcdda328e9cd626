import { parseArgs } from 'node:util';
import type { ApiMethod } from '#shared/api/contract';
import { dispatchApiCall } from '#shared/api/dispatch';
import { ApiError } from '#shared/api/errors';
import { vietnamDate } from '#shared/format/vietnamTime';
import { postgresBackupAdvice, runBackupCommand, runRestoreCommand } from '#main/cli/backupCommands';
import { runCheckCommand, UnreadableDocumentError } from '#main/cli/checkCommand';
import { runCostCommand, UnreadableScenarioError } from '#main/cli/costCommand';
import { cliCommands, cliUsage, UsageError, type CallAsHost, type CommandOutput } from '#main/cli/cliCommands';
import { createCommandLineRooms } from '#main/cli/commandLineRooms';
import { operatorCommands } from '#main/cli/operatorCommands';
import { createDeploymentService } from '#main/services/deploymentService';
import { createApiHandlers } from '#main/wiring/apiHandlers';
import { createJsonLogger, stderrDestination } from '#main/logger';
import { defaultDataFolder } from '#main/server/dataFolder';
import { defaultHost, defaultPort } from '#main/server/defaults';
import { openServices } from '#main/server/services';
import { storeOption } from '#main/server/storeOption';

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      store: { type: 'string' },
      json: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      kind: { type: 'string' },
      title: { type: 'string' },
      side: { type: 'string' },
      hours: { type: 'string' },
      url: { type: 'string' },
      name: { type: 'string' },
      label: { type: 'string' },
      date: { type: 'string' },
      lang: { type: 'string' },
      xlsx: { type: 'string' },
      docx: { type: 'string' },
      pdf: { type: 'string' },
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}

/**
 * Runs the command line against the data folder directly (the host's own access), also beside a
 * running server: it never touches a document's update log (commandLineRooms.ts).
 */
export async function runCli(argv: string[], print: (text: string) => void): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // parseArgs rejects unknown options and missing option values: a usage error, not a crash.
    print(`${(error as Error).message}\n\n${cliUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    print(cliUsage);
    return values.help ? 0 : 2;
  }
  if (positionals[0] === 'check') return check(positionals, values, print);
  if (positionals[0] === 'cost') return cost(positionals, values, print);
  let store: ReturnType<typeof storeOption>;
  try {
    store = storeOption(values.store ?? process.env.THOA_UOC_STORE);
    if (store && values.data) throw new Error('--data and --store name two places to store documents: give one');
  } catch (error) {
    print(`${(error as Error).message}\n\n${cliUsage}`);
    return 2;
  }
  if (positionals[0] === 'backup' || positionals[0] === 'restore') return backupOrRestore(positionals, values, store, print);
  const { context, authentication } = await openServices(
    values.data ?? defaultDataFolder(),
    createJsonLogger(stderrDestination(), 'warn'),
    store ? { store } : {},
  );
  try {
    let output: CommandOutput;
    const serverUrl = values.url ?? `http://${defaultHost}:${defaultPort}`;
    const operatorCommand = operatorCommands[positionals.slice(0, 2).join(' ')];
    if (positionals[0] === 'admin-token') {
      const token = await authentication.createAdminToken(values.label ?? 'command line');
      output = { value: { token }, lines: [`Host token (keep it secret; send it as "Authorization: Bearer <token>"):`, token] };
    } else if (operatorCommand) {
      output = await operatorCommand(createDeploymentService(context), { positionals, options: values, serverUrl });
    } else {
      const words =
        positionals[0] === 'invite' || positionals[0] === 'redeem' || positionals[0] === 'verify' ? positionals[0] : positionals.slice(0, 2).join(' ');
      const command = cliCommands[words];
      if (!command) throw new UsageError(`unknown command "${positionals.join(' ')}"`);
      const handlers = createApiHandlers(context, createCommandLineRooms());
      const call: CallAsHost = async (method, input) => {
        const result = await dispatchApiCall(handlers, method as ApiMethod, input, { kind: 'admin' }, (error) => {
          throw error;
        });
        if (!result.ok) throw ApiError.fromData(result.error);
        return result.result as never;
      };
      output = await command(call, { positionals, options: values, serverUrl });
    }
    print(values.json ? JSON.stringify(output.value, null, 2) : output.lines.join('\n'));
    return output.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      print(`${error.message}\n\n${cliUsage}`);
      return 2;
    }
    if (error instanceof ApiError) {
      print(`Error (${error.code}): ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await context.store.close();
  }
}

/** `check` reads a file and needs no data folder: exit 1 on a violation, 2 on a usage error or a bad file. */
function check(positionals: string[], values: ReturnType<typeof parse>['values'], print: (text: string) => void): number {
  try {
    const output = runCheckCommand(
      positionals,
      { ...(values.date === undefined ? {} : { date: values.date }), ...(values.lang === undefined ? {} : { lang: values.lang }) },
      vietnamDate(Date.now()),
    );
    print(values.json ? JSON.stringify(output.value, null, 2) : output.lines.join('\n'));
    return output.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      print(`${error.message}\n\n${cliUsage}`);
      return 2;
    }
    if (error instanceof UnreadableDocumentError) {
      print(error.message);
      return 2;
    }
    throw error;
  }
}

/** `cost` reads scenario files and needs no data folder: exit 2 on a usage error or a file it cannot cost. */
async function cost(positionals: string[], values: ReturnType<typeof parse>['values'], print: (text: string) => void): Promise<number> {
  try {
    const { lang, date, xlsx, docx, pdf } = values;
    const output = await runCostCommand(positionals, { lang, date, xlsx, docx, pdf });
    print(values.json ? JSON.stringify(output.value, null, 2) : output.lines.join('\n'));
    return output.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      print(`${error.message}\n\n${cliUsage}`);
      return 2;
    }
    if (error instanceof UnreadableScenarioError) {
      print(error.message);
      return 2;
    }
    throw error;
  }
}

/** `backup` and `restore` copy the data folder's database file and open no services. */
async function backupOrRestore(
  positionals: string[],
  values: ReturnType<typeof parse>['values'],
  store: ReturnType<typeof storeOption>,
  print: (text: string) => void,
): Promise<number> {
  try {
    const invocation = { positionals, dataFolder: values.data ?? defaultDataFolder(), yes: values.yes, now: () => Date.now() };
    const output = store ? postgresBackupAdvice(store) : positionals[0] === 'backup' ? runBackupCommand(invocation) : await runRestoreCommand(invocation);
    print(values.json ? JSON.stringify(output.value, null, 2) : output.lines.join('\n'));
    return output.exitCode ?? 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    print(`${error.message}\n\n${cliUsage}`);
    return 2;
  }
}

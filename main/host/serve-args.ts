export interface ServeArgs {
  library?: string;
  port: number;
}

/** `--library PATH` and `--port N` (also as `--flag=value`). Throws a one-line message on anything else. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const takeValue = (): string => {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new Error(`${flag} needs a value.`);
      return value;
    };
    if (flag === '--library') args.library = takeValue();
    else if (flag === '--port') args.port = parsePort(takeValue());
    else throw new Error(`Unknown argument ${JSON.stringify(arg)}. Usage: npm run web -- [--library PATH] [--port N]`);
  }
  return args;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`--port must be a number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value)}.`);
  return port;
}

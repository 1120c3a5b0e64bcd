import { REST, Routes, type APIApplication } from 'discord.js';
import { scopeOf, syncCommands, describeScope } from '../discord/commands-sync.ts';
import { commandBodies } from '../discord/registry.ts';
import { createLogger } from '../log.ts';
import { cliConfig, oneLine } from './setup.ts';

/**
 * `npm run deploy-commands [-- --force]`: registers the slash commands without starting the bot.
 * The bot also does this at start-up, so this is for registering ahead of the first start, or
 * after switching between one test server (DISCORD_GUILD_ID) and all servers.
 * Progress goes to stderr; the one-line result goes to stdout; a failure is one line on stderr,
 * `deploy-commands: message`, as every command-line tool writes it.
 */
function fail(message: string): number {
  process.stderr.write(`deploy-commands: ${message}\n`);
  return 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const config = cliConfig('deploy-commands');
  const log = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  if (config.discordToken === undefined) return fail('DISCORD_TOKEN is not set: it is needed to register commands.');
  const rest = new REST(config.discordApiUrl !== undefined ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  try {
    let applicationId = config.clientId;
    if (applicationId === undefined) {
      // The token identifies the application, so DISCORD_CLIENT_ID is a convenience here.
      applicationId = ((await rest.get(Routes.currentApplication())) as APIApplication).id;
      log.info(`DISCORD_CLIENT_ID not set; the token belongs to application ${applicationId}`);
    }
    const scope = scopeOf(config.guildId);
    const result = await syncCommands(rest, applicationId, scope, commandBodies(), log, { force: argv.includes('--force') });
    process.stdout.write(
      `${result.changed ? 'registered' : 'unchanged:'} ${result.count} commands in ${describeScope(scope)}\n`,
    );
    return 0;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401) return fail('Discord rejected DISCORD_TOKEN; reset it in the Developer Portal (your app > Bot).');
    if (status === 403) return fail('Discord refused: was the bot invited to that server with the applications.commands scope?');
    // One line, never a stack trace: the operator needs what went wrong, not where in discord.js.
    // The token is never in it: discord.js errors name the route, not the Authorization header.
    return fail(`registering commands failed: ${oneLine(error)}`);
  }
}

process.exitCode = await main(process.argv.slice(2));

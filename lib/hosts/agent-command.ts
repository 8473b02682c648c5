// The command line an admin copies to start an agent for a new host, from a Casebook checkout on
// that host (docs/agent.md). The token goes in the environment, not an argument, because
// arguments are visible to every user in `ps`.

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export function agentCommand({ serverUrl, token, name }: { serverUrl: string; token: string; name: string }): string {
  return (
    `CASEBOOK_TOKEN=${shellQuote(token)} node agent/bin/casebook-agent.js ` +
    `--server ${shellQuote(serverUrl)} --name ${shellQuote(name)}`
  );
}

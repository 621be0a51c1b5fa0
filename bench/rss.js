// Loaded with --import before the CLI: reports the process's peak resident set size on exit.
process.on('exit', () => process.stderr.write(`\nbench:maxrss_kb=${process.resourceUsage().maxRSS}\n`))

// `npm run bench`: runs every benchmark (or those named on the command line: `npm run bench -- codec`)
// and writes one JSON file each under bench/results/.
const ALL = ['codec', 'sdk', 'server'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : ALL;
for (const name of names) {
  if (!ALL.includes(name)) throw new Error(`unknown benchmark ${name}; known: ${ALL.join(', ')}`);
  const { run } = await import(`./${name}/index.mjs`);
  await run();
}

import { run } from './github/main.js'

await run({ workerUrl: new URL('./worker.js', import.meta.url) })

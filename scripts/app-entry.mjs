// The bundle's entry (scripts/bundle.mjs makes it CommonJS, for the npm
// launcher's code cache and for the single executable, which runs nothing
// else). Yoga's ES module waits for its WebAssembly with a top-level await;
// CommonJS cannot, so Yoga starts loading here and the app (cli.tsx) is only
// evaluated once it is ready.
import {yogaReady} from 'yoga-layout';

yogaReady.then(
	() => import('../cli.tsx'),
	error => {
		process.stderr.write(`porthole: the layout engine did not load: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);

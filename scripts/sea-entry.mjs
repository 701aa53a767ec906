// The main script of the single executable (scripts/build-sea.mjs bundles it
// as CommonJS, which is all Node 24's single-executable support runs). An ES
// module bundle waits for Yoga's WebAssembly with a top-level await; CommonJS
// cannot, so the SEA build's Yoga starts loading here and the app (cli.tsx)
// is only evaluated once it is ready.
import {yogaReady} from 'yoga-layout';

yogaReady.then(
	() => import('../cli.tsx'),
	error => {
		process.stderr.write(`porthole: the layout engine did not load: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);

// Writes config.schema.json, the JSON Schema of the config file, from the one
// schema in source/cli/config-schema.ts (editors use it for completion and
// checks). test/unit/cli/config-schema.test.ts fails when the committed file
// differs: run `npm run config-schema` after changing the schema or the keymap.
import {writeFileSync} from 'node:fs';
import {configSchemaText} from '../source/cli/config-schema.js';

writeFileSync(new URL('../config.schema.json', import.meta.url), configSchemaText());

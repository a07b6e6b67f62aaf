#!/usr/bin/env node
// The installed `dax` command. It exists before the build runs, so npm can link it on
// a fresh install; the implementation is the compiled packages/cli/dist/bin.js.
import '../dist/bin.js';

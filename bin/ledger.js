#!/usr/bin/env node
'use strict';
/*
 * The `ledger` command (apps/ledger-cli). It runs the TypeScript sources themselves, so it works
 * from a clean clone after `npm install` with no build step and can never run a stale build:
 * each source file is transpiled once by the project's own TypeScript (what ts-jest does) and
 * kept in node_modules/.cache/ledger-cli, keyed by its content. The @ledger/* aliases resolve
 * to libs/ as tsconfig.json says.
 */
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'ledger-cli');

function transpiler() {
  let ts;
  try {
    ts = require('typescript');
  } catch {
    process.stderr.write('ledger: the TypeScript compiler is missing: run `npm install` in ' + root + '\n');
    process.exit(70);
  }
  const options = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    sourceMap: false,
    inlineSourceMap: false,
  };
  const salt = ts.version + JSON.stringify(options);
  return (source, filename) => {
    const key = createHash('sha256').update(salt).update(filename).update(source).digest('hex');
    const cached = path.join(cacheDir, key + '.js');
    try {
      return fs.readFileSync(cached, 'utf8');
    } catch {
      const output = ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const temporary = cached + '.' + process.pid;
        fs.writeFileSync(temporary, output);
        fs.renameSync(temporary, cached);
      } catch {
        // A read-only install still runs, transpiling each time.
      }
      return output;
    }
  };
}

const transpile = transpiler();
require.extensions['.ts'] = (module, filename) => {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};

const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });

require(path.join(root, 'apps', 'ledger-cli', 'src', 'main.ts'))
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write('ledger: ' + (error && error.stack ? error.stack : String(error)) + '\n');
      process.exitCode = 1;
    },
  );

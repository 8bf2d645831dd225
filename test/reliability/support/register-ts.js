// Runs the app's TypeScript sources in a child process without a build: each file is transpiled
// on require (tsconfig.json has isolatedModules, so per-file transpiling is exact), cached by content
// in the OS temp folder, and the @ledger/* aliases resolve to the sources.
const { createHash } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const ts = require('typescript');
const tsConfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '../../..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson({ ...config.compilerOptions, sourceMap: false, inlineSourceMap: false }, root);
const cacheDir = path.join(os.tmpdir(), 'ledger-ts-cache');
fs.mkdirSync(cacheDir, { recursive: true });

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, `${createHash('sha1').update(filename).update('\0').update(source).digest('hex')}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
    fs.writeFileSync(`${cached}.${process.pid}`, output);
    fs.renameSync(`${cached}.${process.pid}`, cached);
  }
  module._compile(output, filename);
};

tsConfigPaths.register({ baseUrl: root, paths: config.compilerOptions.paths });

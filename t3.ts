import { buildCorpus } from './tests/corpus/buildCorpus';
const t = Date.now();
buildCorpus('/tmp/corpus-try').then((c) => { console.log(Date.now() - t, 'ms', c.good.length, c.bad.length); }, (e) => { console.error(e); process.exit(1); });

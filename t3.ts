import { buildCorpus } from './tests/corpus/buildCorpus';
const t = Date.now();
buildCorpus('/tmp/corpus-try').then((c) => { console.log(Date.now() - t, 'ms'); console.log(c.good.map((g) => g.id).join(' ')); console.log(c.bad.map((g) => g.id).join(' ')); }, (e) => { console.error(e); process.exit(1); });

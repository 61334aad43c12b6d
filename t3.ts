import { buildCorpus } from './tests/corpus/buildCorpus';
buildCorpus('/tmp/corpus-try').then((c) => console.log(c.timings), (e) => { console.error(e); process.exit(1); });

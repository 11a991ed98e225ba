import { benchRoot } from './bench/root.ts';

process.env.KETNAP_LOG = 'silent';
console.log((await benchRoot(process.argv[2] as string)).join('\n'));

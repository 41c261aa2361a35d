// The handler side of bench/events.mjs, in a process of its own so that the
// writers do not slow it: prints "listening PORT", then "ID EPOCH_MS" per event.
import { createServer } from 'node:http';

const srv = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const t = performance.timeOrigin + performance.now();
    process.stdout.write(`${new URLSearchParams(body).get('data[FIELDS][ID]')} ${t}\n`);
    res.end('ok');
  });
});
srv.keepAliveTimeout = 60000;
srv.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${srv.address().port}\n`));

import { chromium } from 'playwright-core';
const [,, base, w, p, ...ys] = process.argv;
const b = await chromium.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox']});
const pg = await b.newPage({viewport:{width:+w, height:844}});
await pg.goto('file://' + base + '/' + p);
for (const y of ys) {
  await pg.evaluate(y => window.scrollTo(0, +y), y);
  const name = '/tmp/shots/' + p.replace(/[\/]/g,'_') + '-' + w + '-' + y + '.png';
  await pg.screenshot({path:name});
  console.log(name);
}
await b.close();

// Readability.js (Firefox Reader View) over many pages in one process:
//   node extract.js OUTDIR PAGE.html...
// For each page it writes OUTDIR/<sha1 of the page's bytes>.txt (the
// article's text) and .json ({"title", "author", "date"}), which cached.sh
// hands to extraction-score.  jsdom loads no sub-resources and runs no
// scripts (its defaults): nothing is fetched.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [outdir, ...pages] = process.argv.slice(2);
for (const page of pages) {
  const bytes = fs.readFileSync(page);
  const key = crypto.createHash('sha1').update(bytes).digest('hex');
  if (fs.existsSync(path.join(outdir, key + '.json'))) continue; // READABILITY_CACHE
  let article = null;
  try {
    const dom = new JSDOM(bytes, {
      url: 'https://example.invalid/',
      virtualConsole: new VirtualConsole(), // CSS and markup complaints are not ours
    });
    article = new Readability(dom.window.document).parse();
    dom.window.close();
  } catch (e) {
    article = null; // scored as an empty extraction, as a crash would be
  }
  const text = article && article.textContent ? article.textContent : '';
  fs.writeFileSync(path.join(outdir, key + '.txt'),
                   text.replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim() + '\n');
  const date = article && article.publishedTime ? String(article.publishedTime).slice(0, 10) : '';
  fs.writeFileSync(path.join(outdir, key + '.json'), JSON.stringify({
    title: article && article.title ? article.title : '',
    author: article && article.byline ? article.byline : '',
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '',
  }));
}

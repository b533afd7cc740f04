import { Picker } from './seeded-random';
import { COMMON, CONNECTIVES, DESCRIPTIVE, PEOPLE, PLACES, SUBJECT } from './vocabulary';

/*
 * A saved blog page as Fieldbook users import them: site chrome (skip link, navigation, sidebar,
 * footer), scripts and styles, the article with headings, emphasis, links, a quote, a list and
 * footnotes, then a comment section with a reply form. Words come from a vocabulary at random, so
 * no two articles share a content hash and Readability has real prose-shaped text to score.
 */

const AUTHORS = ['Laurent de Castelli', 'Claire Dubois', 'Samir Kaci', 'Anna Lindqvist', 'Jonas Weber', 'Rosa Martínez'];
const COMMENTERS = ['Marco', 'techguy88', 'Aisha K.', 'J. Peters', 'reader_from_lyon', 'Tom', 'Sahel Watcher'];
const CATEGORIES = ['Conflict & Security', 'Secret Intelligence and Covert Action', 'Africa', 'Terrorism', 'Diplomacy', 'Borders'];

export interface GeneratedPage {
  fileName: string;
  html: string;
  /** Roughly how many words of article body were generated (chrome and comments excluded). */
  bodyWords: number;
}

export function generateBlogPage(index: number, pick: Picker, targetWords = 2000): GeneratedPage {
  const title = capitalise(`${pick.pick(DESCRIPTIVE)} ${pick.pick(SUBJECT)} and the ${pick.pick(SUBJECT)} in ${pick.pick(PLACES)}`);
  const slug = `${slugify(title)}-${index}`;
  const author = pick.pick(AUTHORS);
  const date = new Date(Date.UTC(2012, 0, 1) + pick.int(0, 4000) * 86_400_000).toISOString().slice(0, 10);
  const article = articleBody(pick, targetWords);
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escape(title)} | Sahel Security Review</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="canonical" href="https://sahel-review.example.org/${date.slice(0, 4)}/${slug}/">
  <meta property="og:title" content="${escape(title)}">
  <link rel="stylesheet" href="/wp-content/themes/review/style.css?ver=5.${index % 9}">
  <style>body{font-family:Georgia,serif;max-width:42em;margin:auto}.sidebar{float:right;width:30%}</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-${100000 + index}-1');</script>
  <script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script>
</head>
<body class="post-template-default single single-post postid-${index} single-format-standard">
  <a class="skip-link screen-reader-text" href="#content">Skip to content</a>
  <header class="site-header">
    <p class="site-title"><a href="/" rel="home">Sahel Security Review</a></p>
    <p class="site-description">Analysis of conflict, borders and governance in North and West Africa</p>
    <nav class="main-navigation"><ul>${['Home', ...CATEGORIES, 'About', 'Contact'].map((c) => `<li class="menu-item"><a href="/${slugify(c)}/">${escape(c)}</a></li>`).join('')}</ul></nav>
  </header>
  <div id="page" class="site">
  <main id="content" class="site-main">
    <article id="post-${index}" class="post type-post status-publish format-standard hentry">
      <header class="entry-header">
        <h1 class="entry-title">${escape(title)}</h1>
        <div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="${date}T09:00:00+00:00">${date}</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/${slugify(author)}/">${escape(author)}</a></span></span></div>
      </header>
      <div class="entry-content">
${article.html}
      </div>
      <footer class="entry-footer"><span class="cat-links">Published in ${[pick.pick(CATEGORIES), pick.pick(CATEGORIES)].map((c) => `<a href="/category/${slugify(c)}/" rel="category tag">${escape(c)}</a>`).join(', ')}</span>
        <div class="share-buttons"><a href="https://twitter.com/intent/tweet?url=${slug}">Share on Twitter</a> <a href="https://www.facebook.com/sharer.php?u=${slug}">Share on Facebook</a></div>
      </footer>
    </article>
    <nav class="post-navigation"><a href="/previous/" rel="prev">Previous post</a> <a href="/next/" rel="next">Next post</a></nav>
${commentSection(pick)}
  </main>
  <aside class="sidebar widget-area">
    <section class="widget widget_search"><form role="search" action="/"><input type="search" name="s" placeholder="Search …"><button>Search</button></form></section>
    <section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>${Array.from({ length: 6 }, () => `<li><a href="/${pick.int(1000, 9999)}/">${escape(capitalise(`${pick.pick(DESCRIPTIVE)} ${pick.pick(SUBJECT)}`))}</a></li>`).join('')}</ul></section>
    <section class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul>${CATEGORIES.map((c) => `<li><a href="/category/${slugify(c)}/">${escape(c)}</a> (${pick.int(3, 80)})</li>`).join('')}</ul></section>
  </aside>
  </div>
  <footer class="site-footer"><div class="site-info">© ${date.slice(0, 4)} Sahel Security Review · <a href="/privacy/">Privacy</a> · Proudly powered by WordPress</div></footer>
  <script>document.querySelectorAll('.share-buttons a').forEach(function(a){a.target='_blank';});</script>
</body>
</html>
`;
  return { fileName: `${slug}.html`, html, bodyWords: article.words };
}

function articleBody(pick: Picker, targetWords: number): { html: string; words: number } {
  const parts: string[] = [];
  const footnotes: string[] = [];
  let words = 0;
  let sinceHeading = 0;
  while (words < targetWords) {
    if (sinceHeading >= pick.int(4, 7)) {
      const heading = capitalise(`${pick.pick(DESCRIPTIVE)} ${pick.pick(SUBJECT)}`);
      parts.push(`<h2>${escape(heading)}</h2>`);
      words += 2;
      sinceHeading = 0;
    }
    sinceHeading++;
    const roll = pick.random();
    if (roll < 0.05) {
      const quote = sentence(pick, 18, 35);
      parts.push(`<blockquote><p>“${quote.text}”</p><cite>${escape(pick.pick(PEOPLE))}</cite></blockquote>`);
      words += quote.words + 2;
    } else if (roll < 0.09) {
      const items = Array.from({ length: pick.int(3, 5) }, () => sentence(pick, 5, 12));
      parts.push(`<ul>${items.map((item) => `<li>${item.text}</li>`).join('')}</ul>`);
      words += items.reduce((sum, item) => sum + item.words, 0);
    } else {
      let paragraph = '';
      for (let s = pick.int(3, 7); s > 0; s--) {
        const next = sentence(pick, 8, 26);
        words += next.words;
        paragraph += `${paragraph ? ' ' : ''}${next.text}`;
        if (footnotes.length < 4 && pick.chance(0.03)) {
          const n = footnotes.length + 1;
          paragraph += `<sup><a href="#fn${n}" id="ref${n}">[${n}]</a></sup>`;
          const note = sentence(pick, 6, 16);
          footnotes.push(`<p id="fn${n}">[${n}] ${note.text}</p>`);
          words += note.words + 1;
        }
      }
      parts.push(`<p>${paragraph}</p>`);
    }
  }
  if (footnotes.length > 0) parts.push('<hr>', ...footnotes);
  return { html: parts.map((part) => `      ${part}`).join('\n'), words };
}

function sentence(pick: Picker, min: number, max: number): { text: string; words: number } {
  const count = pick.int(min, max);
  const out: string[] = [];
  if (pick.chance(0.2)) out.push(pick.pick(CONNECTIVES));
  while (out.length < count) {
    const roll = pick.random();
    if (roll < 0.5) out.push(pick.pick(COMMON));
    else if (roll < 0.75) out.push(pick.pick(SUBJECT));
    else if (roll < 0.9) out.push(pick.pick(DESCRIPTIVE));
    else if (roll < 0.95) out.push(escape(pick.pick(PLACES)));
    else out.push(escape(pick.pick(PEOPLE).split(' ')[0]!));
  }
  if (pick.chance(0.15)) {
    const at = pick.int(0, out.length - 1);
    out[at] = pick.chance(0.5) ? `<em>${out[at]}</em>` : `<a href="https://example.org/ref/${pick.int(1, 9999)}">${out[at]}</a>`;
  }
  if (pick.chance(0.1)) out.splice(pick.int(1, out.length), 0, `(${pick.int(1990, 2024)})`);
  const text = `${capitalise(out.join(' '))}${pick.chance(0.08) ? '?' : '.'}`;
  return { text, words: out.length };
}

function commentSection(pick: Picker): string {
  const comments = Array.from({ length: pick.int(2, 8) }, () => {
    const body = Array.from({ length: pick.int(1, 3) }, () => `<p>${sentence(pick, 6, 20).text}</p>`).join('');
    return `<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">${escape(pick.pick(COMMENTERS))}</b> says:</footer><div class="comment-content">${body}</div><div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li>`;
  });
  return `    <section id="comments" class="comments-area">
      <h2 class="comments-title">${comments.length} Comments</h2>
      <ol class="comment-list">${comments.join('\n')}</ol>
      <div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3>
        <form action="#respond" method="post"><p class="comment-notes">Your email address will not be published.</p><textarea name="comment"></textarea><input name="author"><input type="submit" value="Post Comment"></form>
      </div>
    </section>`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

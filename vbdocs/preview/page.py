"""The preview's web page: every page of every document as a picture, one section per
document, or the located problems of the files with the last good pictures under them.

Everything it needs is in the page (style and script); it asks the server for nothing but the
pictures, the news of a rebuild (Server-Sent Events on ``/events``) and the new content
(``/content``), which its script puts in place without reloading the page.

The page marks what it shows on ``<body>``, for a person's tools and for tests:
``data-status`` is ``building``, ``loading`` (pictures on their way), ``ready`` (every picture
loaded), ``problems`` (the files have errors) or ``broken`` (a picture did not load);
``data-images`` counts the pictures loaded and shown (``"3/3"``), ``data-updates`` the updates
received since the page was opened, ``data-version`` the build shown.
"""

from __future__ import annotations

import html

from ..i18n import _, language
from .session import Build, ShownDocument


def content(build: Build) -> str:
    """The page's ``<main>`` content for ``build``: its problems, then its documents."""
    parts: list[str] = []
    if build.problems:
        heading = html.escape(_("The files have errors"))
        parts.append(f'<section class="problems" role="alert"><h2>{heading}</h2>'
                     f'<ul>{"".join(f"<li><code>{html.escape(p)}</code></li>" for p in build.problems)}</ul>')
        if build.documents:
            note = html.escape(_("Below: the last pages built without errors."))
            parts.append(f'<p class="note">{note}</p>')
        parts.append("</section>")
    if build.warnings:
        items = "".join(f"<li><code>{html.escape(w)}</code></li>" for w in build.warnings)
        heading = html.escape(_("To review"))
        parts.append(f'<section class="warnings"><h2>{heading}</h2><ul>{items}</ul></section>')
    if build.number == 0:
        waiting = html.escape(_("Building the documents…"))
        parts.append(f'<p class="waiting">{waiting}</p>')
    stale = " stale" if build.problems else ""
    if len(build.documents) > 1:
        links = "".join(f'<li><a href="#document-{n}">{html.escape(d.name)}</a></li>'
                        for n, d in enumerate(build.documents, start=1))
        heading = html.escape(_("Documents"))
        parts.append(f'<nav class="contents"><h2>{heading}</h2><ol>{links}</ol></nav>')
    parts += [_document(d, n, stale) for n, d in enumerate(build.documents, start=1)]
    if build.finished is not None and not build.problems:
        summary = _("Built at {time} in {seconds:.1f} s; documents: {documents}, converted: {converted}, "
                    "pages: {pages}.").format(
            time=build.finished.strftime("%H:%M:%S"), seconds=build.seconds, documents=len(build.documents),
            converted=build.converted, pages=sum(len(d.pictures.pages) for d in build.documents))
        parts.append(f'<p class="summary">{html.escape(summary)}</p>')
    return "\n".join(parts)


def _document(document: ShownDocument, number: int, stale: str) -> str:
    facts = [document.type_name or "", document.kind, document.unit or "",
             _("due {date}").format(date=document.deadline.isoformat()) if document.deadline else "",
             _("pages: {count}").format(count=len(document.pictures.pages))]
    shown = " · ".join(html.escape(fact) for fact in facts if fact)
    count = len(document.pictures.pages)
    alt = _("{name}, page {number} of {count}")
    pages = "".join(
        f'<img src="/pages/{html.escape(page)}" width="794" height="1123" alt="'
        f'{html.escape(alt.format(name=document.name, number=n, count=count))}">'
        for n, page in enumerate(document.pictures.pages, start=1)
    )
    return (f'<section class="document{stale}" id="document-{number}" data-name="{html.escape(document.name)}">'
            f'<h2>{html.escape(document.name)}</h2><p class="facts">{shown}</p>'
            f'<div class="pages">{pages}</div></section>')


def page(build: Build, version: str, title: str) -> str:
    """The whole page, showing ``build`` (named ``version``) of the file ``title``."""
    building, offline = _js(_("Rebuilding…")), _js(_("vbdocs serve has stopped; waiting for it…"))
    return f"""<!DOCTYPE html>
<html lang="{language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · vbdocs serve</title>
<style>{_STYLE}</style>
</head>
<body data-status="{'building' if build.number == 0 else 'loading'}" data-updates="0">
<header><h1>{html.escape(title)}</h1><span id="state" aria-live="polite"></span></header>
<main id="preview" data-version="{html.escape(version)}">
{content(build)}
</main>
<script>
const TEXTS = {{building: {building}, offline: {offline}}};
{_SCRIPT}
</script>
</body>
</html>
"""


def _js(text: str) -> str:
    """``text`` as a JavaScript string literal that is safe inside a <script> element."""
    import json

    return json.dumps(text).replace("<", "\\u003c")


_STYLE = """
body { margin: 0; background: #4b4f54; font: 15px/1.4 system-ui, sans-serif; color: #1d1d1f; }
header { position: sticky; top: 0; z-index: 1; display: flex; align-items: baseline; gap: 1em;
  padding: .5em 1em; background: #22252a; color: #f2f2f2; }
header h1 { font-size: 1em; margin: 0; font-weight: 600; }
#state { color: #ffd479; }
main { max-width: 830px; margin: 0 auto; padding: 1em 0 3em; }
section.problems, section.warnings { margin: 0 8px 1.5em; padding: .8em 1.2em; border-radius: 6px; }
section.problems { background: #fde8e8; border-left: 6px solid #c62828; }
section.warnings { background: #fff6dc; border-left: 6px solid #d49b00; }
section h2 { margin: 0 0 .4em; font-size: 1.05em; }
section ul { margin: 0; padding-left: 1.2em; }
section li code { white-space: pre-wrap; word-break: break-word; font-size: .92em; }
.note, .summary, .waiting { color: #333; margin: .5em 0 0; }
.summary, .waiting { color: #d8d8d8; text-align: center; }
nav.contents { margin: 0 8px 1.5em; padding: .8em 1.2em; border-radius: 6px; background: #2c3036; color: #e8e8e8; }
nav.contents h2 { margin: 0 0 .4em; font-size: 1.05em; }
nav.contents ol { margin: 0; padding-left: 1.6em; columns: 2; font-size: .92em; }
nav.contents a { color: #9ecbff; }
section.document { margin: 0 0 2em; scroll-margin-top: 3em; }
section.document h2 { color: #fff; margin: 0 8px; font-size: 1.1em; }
section.document .facts { color: #cfd3d8; margin: .1em 8px .6em; }
section.document.stale .pages { opacity: .45; }
.pages img { display: block; width: 100%; max-width: 794px; height: auto; margin: 0 auto 14px; background: #fff;
  box-shadow: 0 2px 10px rgba(0, 0, 0, .45); }
"""

_SCRIPT = """
(function () {
  const main = document.getElementById('preview');
  const body = document.body;
  const state = document.getElementById('state');
  body.dataset.version = main.dataset.version;

  function settle() {
    const images = Array.from(main.querySelectorAll('img'));
    if (!main.querySelector('.waiting')) body.dataset.status = 'loading';
    const loaded = images.map(img => img.complete ? Promise.resolve() : new Promise(done => {
      img.addEventListener('load', done, {once: true});
      img.addEventListener('error', done, {once: true});
    }));
    const version = main.dataset.version;
    Promise.all(loaded).then(() => {
      if (version !== main.dataset.version) return;
      const good = images.filter(img => img.naturalWidth > 0).length;
      body.dataset.images = good + '/' + images.length;
      if (main.querySelector('.waiting')) body.dataset.status = 'building';
      else if (main.querySelector('.problems')) body.dataset.status = 'problems';
      else body.dataset.status = good === images.length ? 'ready' : 'broken';
    });
  }

  let fetching = null;
  async function update(version) {
    if (version === main.dataset.version || fetching === version) return;
    fetching = version;
    try {
      const response = await fetch('/content', {cache: 'no-store'});
      if (!response.ok) return;
      const html = await response.text();
      main.innerHTML = html;
      main.dataset.version = body.dataset.version = response.headers.get('X-Preview-Version') || version;
      body.dataset.updates = String(Number(body.dataset.updates) + 1);
      settle();
    } finally {
      fetching = null;
    }
  }

  const events = new EventSource('/events');
  events.onmessage = message => {
    const news = JSON.parse(message.data);
    state.textContent = news.building ? TEXTS.building : '';
    update(news.version);
  };
  events.onerror = () => { state.textContent = TEXTS.offline; };
  settle();
})();
"""

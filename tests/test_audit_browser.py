"""The audit reads a tampered page's elements as Chromium builds them.

A page changed after its build is read by `casekit audit`; whatever element with a handler, a
`javascript:` URL, a frame or a load from another host Chromium's HTML parser makes of it must
be a finding, however the markup confuses a reading by patterns (quotes where the tokenizer
takes them as part of a name, comments holding quotes, `<style>` inside `<svg>`, bogus comments,
end tags with attributes, CDATA …). Chromium parses each page with `DOMParser` (the parser of a
navigation, with scripting off: nothing runs, nothing loads) and says which elements are bad by
rules written here in JavaScript, apart from the audit's own.
"""

from __future__ import annotations

import random

import pytest

from casekit.core.sensitive import SensitiveIndex
from casekit.site.audit import Expected, Scanner, audit_data
from tests.browser_support import browser  # noqa: F401  (fixture)

# markup that a reading by patterns may take otherwise than the HTML tokenizer and tree builder
CONFUSERS = [
    '<img " ', "<img x' ", '<a " ', "<a x' ", '<p a=">" ', "<p a='>' ", '<!-- <a title=" -->', "<!-- ' -->",
    '<!-- " -->', "<!-->", "<!--->", "<!-- --!>", '<!x ">', '<?x ">', "<!x '>", '</p title=">">', "</p title='>'>",
    "</p ", "</ p>", '<svg><style>', '<math><style>', '<svg><title>', '<svg><textarea>',
    '<math><mtext><table><mglyph><style>', '<svg><![CDATA[', ']]>', '<svg><desc>', '<math><mi>', '</svg>',
    '<title>', '</title>', '<textarea>', '</textarea>', '<style>', '</style>', '<noscript>', '</noscript>',
    '<template>', '</template>', '<xmp>', '</xmp>', '<select><style>', '<table><style>', '<noembed>', '</noembed>',
    '<iframe>', '</iframe>', '<script>', '</script>', '</script ', '<!DOCTYPE x ">', '<a title=\'">\'>', '"', "'",
    ">", "<", "=", " ", "<img/", "<img\n", "<a b=c\"d ", "<a b=`x` ", "<a b='x\"y' ", "&quot;", "&gt;", "\n",
]
PAYLOADS = [
    "<img src=x onerror=1>", "onerror=1 src=x>", " onclick=z>", 'href="javascript:1">x</a>', "<a href=javascript:1>x</a>",
    "<a href=' jAvA\tscript:1'>x</a>", '<svg><a xlink:href="javascript:1"><text>x</text></a></svg>',
    '<svg><a><set attributeName="href" to="javascript:1"/></a></svg>', "<iframe src=x></iframe>", "<object data=x>",
    "<embed src=x>", "<base href=/x/>", "<img src=//evil.example/x.png>", '<img srcset="//evil.example/x 1x">',
    "<video poster=https://evil.example/p.png>", "<body onload=1>", "<details open ontoggle=1>",
    "<math><maction actiontype=statusline xlink:href=javascript:1>x</maction></math>",
]

# Chromium's verdict on each page: the bad elements of the document it builds (and of every
# <template>'s content, which the audit reads too), by rules of its own
VERDICT = r"""(pages) => pages.map((page) => {
  const doc = new DOMParser().parseFromString(page, 'text/html');
  const active = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'fencedframe'];
  const urlKeys = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'];
  const loadKeys = ['src', 'srcset', 'data', 'poster', 'background', 'xlink:href'];
  const clean = (v) => v.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const bad = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      if (active.includes(name)) bad.push('<' + name + '>');
      for (const a of el.attributes) {
        const key = a.name.toLowerCase(), value = clean(a.value);
        if (key.startsWith('on')) bad.push(name + ' ' + key);
        else if (urlKeys.includes(key) && /^javascript:/i.test(value)) bad.push(name + ' ' + key + '=javascript:');
        else if (name === 'set' && key === 'to' && /^javascript:/i.test(value)) bad.push('set to=javascript:');
        else if ((loadKeys.includes(key) || (key === 'href' && !['a', 'area'].includes(name)))
                 && /^(\/\/|https?:)/i.test(value.split(',')[0])) bad.push(name + ' ' + key + ' outside');
      }
      if (name === 'template' && el.content) visit(el.content);  // (an <svg>'s <template> has none)
    }
  };
  visit(doc);
  return bad;
})"""

INDEX = SensitiveIndex([])
SEEDS = range(8)
PAGES_PER_SEED = 1000


def pages(seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(PAGES_PER_SEED):
        parts = rnd.choices(CONFUSERS, k=rnd.randint(1, 4)) + [rnd.choice(PAYLOADS)]
        parts += rnd.choices(CONFUSERS, k=rnd.randint(0, 2))
        out.append("".join(parts))
    return out


def audit_codes(page: str, scan: Scanner) -> set[str]:
    return {f.code for f in audit_data("x.html", page.encode(), scan, Expected(), page)} - {"site-no-policy"}


KNOWN = [  # each was read clean by the audit's patterns alone
    '<img " src=x onerror=alert(1)>',
    '<a " href="javascript:alert(1)">x</a>',
    """<img x' y="a>b" onclick=z>""",
    '<!-- <a title=" --> <img src=x onerror=alert(1)> " -->',
    "<svg><style><img src=x onerror=alert(3)></style></svg>",
]


@pytest.mark.parametrize("page", KNOWN)
def test_what_the_patterns_misread_is_a_finding(page: str) -> None:
    assert "site-active-content" in audit_codes(page, Scanner(INDEX))


def test_the_known_pages_are_bad_to_chromium(browser) -> None:  # noqa: F811
    context = browser.new_context()
    try:
        verdicts = context.new_page().evaluate(VERDICT, KNOWN)
    finally:
        context.close()
    assert all(verdicts), list(zip(KNOWN, verdicts, strict=True))


@pytest.mark.parametrize("seed", SEEDS)
def test_every_element_chromium_builds_bad_is_a_finding(browser, seed: int) -> None:  # noqa: F811
    batch = pages(seed)
    context = browser.new_context()
    try:
        verdicts = context.new_page().evaluate(VERDICT, batch)
    finally:
        context.close()
    scan = Scanner(INDEX)  # (one scanner across the pages, as a worker reads a site)
    bad = [(page, verdict) for page, verdict in zip(batch, verdicts, strict=True) if verdict]
    assert len(bad) > PAGES_PER_SEED // 3  # (the payloads survive most confusers: the test reads something)
    missed = [(page, verdict) for page, verdict in bad
              if not audit_codes(page, scan) & {"site-active-content", "site-outside-load"}]
    assert not missed, missed[:10]

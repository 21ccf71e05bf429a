"""The readable text of a web page: its paragraphs, from the main content when marked."""

from html.parser import HTMLParser

MAX_PAGE_WORDS = 2000
"""Words of a page kept (pages are cut after the paragraph that reaches this)."""

_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "title"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "td", "div"}


class _TextParser(HTMLParser):
    """Collects paragraph text, noting whether each paragraph is inside ``<main>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[bool, str]] = []
        self.loose: list[str] = []
        self._skipping = 0
        self._main = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "main":
            self._main += 1
        elif tag == "p":
            self._end_paragraph()
            self._current = []
        elif tag in _BLOCKS or tag == "br":
            self.loose.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "main":
            self._main = max(0, self._main - 1)
        elif tag == "p":
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        self.loose.append(data)
        if self._current is not None:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        if self._current is not None:
            text = _words(" ".join(self._current))
            if text:
                self.paragraphs.append((self._main > 0, text))
        self._current = None


def page_text(html: str, max_words: int = MAX_PAGE_WORDS) -> str:
    """The text of the page's paragraphs (those in ``<main>`` if it has any).

    Paragraphs are joined until ``max_words`` words are reached. A page with no
    paragraphs gives its whole visible text, cut to ``max_words`` words.
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    main = [text for in_main, text in parser.paragraphs if in_main]
    paragraphs = main or [text for _, text in parser.paragraphs]
    if not paragraphs:
        return " ".join(_words(" ".join(parser.loose)).split()[:max_words])
    kept: list[str] = []
    count = 0
    for paragraph in paragraphs:
        kept.append(paragraph)
        count += len(paragraph.split())
        if count >= max_words:
            break
    return "\n\n".join(kept)


def _words(text: str) -> str:
    return " ".join(text.split())

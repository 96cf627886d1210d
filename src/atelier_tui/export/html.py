"""Documents as one self-contained HTML file, for RIS editors that take rich text.

Every text is HTML-escaped; the page carries its own small style sheet (A4 when printed) and
the Dutch language tag.
"""

from __future__ import annotations

from html import escape

from .document import Block, Document, Heading, Item, Items, Para, Table

STYLE = """
@page { size: A4; margin: 2cm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 46em;
       margin: 2em auto; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.6em; } h3 { font-size: 12pt; }
h4 { font-size: 11pt; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #666; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.getal { text-align: right; }
p.noot { font-style: italic; font-size: 10pt; }
""".strip()


def _text(text: str) -> str:
    return "<br>".join(escape(line.strip()) for line in text.split("\n") if line.strip())


def _item(item: Item) -> str:
    if item.label and item.text:
        return f"<strong>{escape(item.label)}</strong>{escape(item.sep)}{_text(item.text)}"
    return _text(item.label or item.text)


def _block(b: Block) -> str:
    if isinstance(b, Heading):
        level = min(b.level, 6)
        return f"<h{level}>{escape(b.text)}</h{level}>"
    if isinstance(b, Para):
        cls = ' class="noot"' if b.note else ""
        return "\n".join(f"<p{cls}>{escape(p.strip())}</p>" for p in b.text.split("\n") if p.strip())
    if isinstance(b, Items):
        tag = "ol" if b.numbered else "ul"
        return f"<{tag}>\n" + "\n".join(f"<li>{_item(i)}</li>" for i in b.items) + f"\n</{tag}>"
    if isinstance(b, Table):
        head = "".join(f"<th>{escape(h)}</th>" for h in b.header)
        rows = []
        for row in b.rows:
            cells = "".join(
                f'<td class="getal">{escape(c)}</td>' if c.isdigit() else f"<td>{_text(c)}</td>" for c in row
            )
            rows.append(f"<tr>{cells}</tr>")
        return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    raise TypeError(b)


def from_document(doc: Document) -> str:
    body = "\n".join(_block(b) for b in doc.blocks)
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(doc.title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        f"<h1>{escape(doc.title)}</h1>\n{body}\n</body>\n</html>\n"
    )

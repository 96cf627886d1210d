"""A document as plain blocks (headings, paragraphs, lists, tables), before any format.

The sections of each document build these blocks from the session; the renderers (Markdown,
plain text, HTML, Word) only turn blocks into a format. All texts in blocks are plain text:
each renderer escapes them for its own format. Empty blocks are never added.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Words a typed text may start with after a colon that are never a name: those are written
#: lowercase after the app's own "Label:", as Dutch does after a colon before a fragment.
_FUNCTION_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "één",
        "er",
        "als",
        "bij",
        "in",
        "op",
        "met",
        "voor",
        "door",
        "na",
        "naar",
        "van",
        "om",
        "over",
        "uit",
        "tot",
        "zonder",
        "wie",
        "wat",
        "hoe",
        "waar",
        "wanneer",
        "waarom",
        "welke",
        "dat",
        "dit",
        "die",
        "deze",
        "zo",
        "ook",
        "niet",
        "geen",
        "alle",
        "elk",
        "elke",
        "iedereen",
        "ieder",
        "meer",
        "minder",
        "veel",
        "weinig",
        "eerst",
        "vooral",
        "samen",
        "vooraf",
        "altijd",
        "inwoners",
        "bewoners",
        "deelnemers",
        "omwonenden",
        "ouders",
        "kinderen",
        "jongeren",
        "ouderen",
        "ondernemers",
        "raadsleden",
    ]
)


def after_colon(text: str) -> str:
    """A typed text that follows "Label: ": its first word lowercase when it is a function word."""
    first, _, rest = text.partition(" ")
    word = first.lower().replace("eén", "één")
    if first and first[0].isupper() and word in _FUNCTION_WORDS:
        return word + (" " + rest if rest else "")
    return text


@dataclass(frozen=True)
class Heading:
    level: int  # 1 is the title
    text: str


@dataclass(frozen=True)
class Para:
    text: str  # line breaks separate paragraphs
    note: bool = False  # a side remark (smaller, in italics where the format has it)


@dataclass(frozen=True)
class Item:
    text: str
    label: str = ""  # shown before the text: "label: text"
    sep: str = ": "  # what stands between label and text


@dataclass(frozen=True)
class Items:
    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Para | Items | Table


@dataclass
class Document:
    title: str
    kind: str = "verslag"
    blocks: list[Block] = field(default_factory=list)

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(Heading(level, text))

    def para(self, text: str, *, note: bool = False) -> None:
        if text.strip():
            self.blocks.append(Para(text.strip(), note))

    def items(self, items: list[Item | str], *, numbered: bool = False) -> None:
        made = tuple(i if isinstance(i, Item) else Item(i) for i in items)
        made = tuple(
            Item(after_colon(i.text.strip()) if i.label and i.sep == ": " else i.text.strip(), i.label, i.sep)
            for i in made
        )
        made = tuple(i for i in made if i.text or i.label)
        if made:
            self.blocks.append(Items(made, numbered))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        if rows:
            self.blocks.append(Table(tuple(header), tuple(tuple(r) for r in rows)))

    def cleaned(self) -> list[Block]:
        """The blocks without headings that have nothing under them."""
        out: list[Block] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                while out and isinstance(out[-1], Heading) and out[-1].level >= block.level:
                    out.pop()
            out.append(block)
        while out and isinstance(out[-1], Heading):
            out.pop()
        return out

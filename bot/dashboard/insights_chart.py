"""Drawing the insights: one layout, written out as SVG, PNG (Pillow) and PDF (matplotlib).

Why one layout for three formats: the picture a coordinator prints from the PDF must say exactly
what the page showed. The layout is a flat list of rectangles and texts, measured with DejaVu Sans;
`svg` serialises it with escaping (a gemeente name can hold anything), `png` paints it with Pillow,
`pdf` draws it as vectors with matplotlib (both already installed; no system libraries). Every
number is also a text label, never colour alone; text colours are picked for a contrast of at
least 4.5:1 against what lies behind them. Hidden counts get a neutral grey and no bar (a week's
stub has one fixed height), so neither colour nor length gives them away. The SVG uses
presentation attributes only (no <style>, no style=""), so it passes a strict
Content-Security-Policy when inlined in a page.
"""
from __future__ import annotations

import importlib.util
import io
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final, Sequence
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw, ImageFont

from bot.dashboard.insights import (
    NONE_KEY,
    TOTAL_LABEL,
    format_hours,
    format_period,
    format_share,
    legend_lines,
)
from bot.understanding.werkmodel import FORMEEL, INFORMEEL

if TYPE_CHECKING:
    from bot.dashboard.insights import Breakdown, Cell, Insights

WIDTH: Final = 1400
MARGIN: Final = 24
ROW_LABEL_WIDTH: Final = 240
CELL_HEIGHT: Final = 40
LINE_HEIGHT: Final = 15
MAX_NAME: Final = 120
SCALE: Final = 2  # PNG and PDF pixels per SVG unit
A4_LANDSCAPE_INCHES: Final = 297 / 25.4

WHITE: Final = "#ffffff"
INK: Final = "#1a1a1a"
MUTED: Final = "#4d4d4d"  # 8.5:1 on white
GRID: Final = "#767676"
HIDDEN_FILL: Final = "#e6e6e6"
TOTAL_FILL: Final = "#f2f2f2"
BAR: Final = "#2f6ea8"
BAR_FORMAL: Final = "#b35900"
HIDDEN_STUB: Final = 10
SCALE_LOW: Final = (0xDE, 0xEB, 0xF7)
SCALE_HIGH: Final = (0x08, 0x30, 0x6B)
FONT_FAMILY: Final = "DejaVu Sans, Verdana, Arial, sans-serif"

# Characters XML 1.0 cannot hold even escaped (control characters, lone surrogates, U+FFFE/F).
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str | None = None


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: int = 12
    bold: bool = False
    anchor: str = "start"  # start, middle, end
    fill: str = INK


@dataclass(frozen=True)
class Group:
    """Shapes that belong together, with a tooltip and screen-reader name (<title>)."""

    title: str
    shapes: tuple[Rect | Text, ...]


Shape = Rect | Text | Group


@dataclass
class Layout:
    height: float = 0
    shapes: list[Shape] = field(default_factory=list)


# --- fonts and text -------------------------------------------------------------------------

def _font_file(bold: bool) -> Path | None:
    """DejaVu Sans: the system's copy, else the one matplotlib ships (no download, no apt)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    candidates = [Path("/usr/share/fonts/truetype/dejavu") / name]
    spec = importlib.util.find_spec("matplotlib")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidates.append(Path(location) / "mpl-data" / "fonts" / "ttf" / name)
    return next((path for path in candidates if path.is_file()), None)


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_file(bold)
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(path), size)


def text_width(text: str, size: int, bold: bool = False) -> float:
    return float(font(size, bold).getlength(text))


def wrap(text: str, width: float, size: int, bold: bool = False) -> list[str]:
    """Break text into lines that fit `width`, at spaces and after hyphens."""
    words = re.findall(r"[^\s-]+-?|-", text)
    lines: list[str] = []
    for word in words:
        if lines:
            joiner = "" if lines[-1].endswith("-") else " "
            candidate = lines[-1] + joiner + word
            if text_width(candidate, size, bold) <= width:
                lines[-1] = candidate
                continue
        lines.append(word)
    return lines or [""]


# --- colour ---------------------------------------------------------------------------------

def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: Sequence[float]) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in rgb)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (always at least 4.5:1)."""
    return "#000000" if contrast("#000000", background) >= contrast("#ffffff", background) else "#ffffff"


def heat_colour(count: int, maximum: int) -> str:
    """Light to dark blue by count; 0 is white."""
    if count <= 0 or maximum <= 0:
        return WHITE
    t = count / maximum
    return _hex([low + (high - low) * t for low, high in zip(SCALE_LOW, SCALE_HIGH)])


# --- layout ---------------------------------------------------------------------------------

def _label_lines(lines: Sequence[str], x: float, top: float, height: float, size: int,
                 anchor: str = "start", bold: bool = False, fill: str = INK) -> list[Text]:
    """Lines of text centred vertically in a box from `top` of `height`."""
    first = top + height / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + size * 0.36
    return [Text(x, first + i * LINE_HEIGHT, line, size, bold, anchor, fill) for i, line in enumerate(lines)]


def printable(text: str) -> str:
    """A name as every format can show it: control and non-XML characters become U+FFFD."""
    return _NOT_XML.sub("\ufffd", re.sub(r"[\t\n\r]+", " ", text))


def _gemeente(insights: Insights, default: str) -> str:
    """The gemeente's name, cut at MAX_NAME characters so a pasted text cannot flood the page."""
    if not insights.gemeente:
        return default
    name = printable(insights.gemeente)
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def _title(insights: Insights) -> str:
    return f"Wat vragen inwoners? {_gemeente(insights, 'Alle gemeenten')}"


def _heatmap(insights: Insights, out: Layout, top: float) -> float:
    heat = insights.heatmap
    shapes = out.shapes
    shapes.append(Text(MARGIN, top + 18, "Leefgebieden en doelgroepen (werkmodel): aantal tickets", 16, True))
    top += 32
    n_cols = len(heat.col_labels) + 1
    cell_w = (WIDTH - 2 * MARGIN - ROW_LABEL_WIDTH) // n_cols
    left = MARGIN + ROW_LABEL_WIDTH
    headers = [*heat.col_labels, TOTAL_LABEL]
    wrapped = [wrap(label, cell_w - 6, 12) for label in headers]
    header_h = max(len(lines) for lines in wrapped) * LINE_HEIGHT + 8
    for i, lines in enumerate(wrapped):
        x = left + i * cell_w + cell_w / 2
        bottom = top + header_h - 6
        for j, line in enumerate(lines):
            shapes.append(Text(x, bottom - (len(lines) - 1 - j) * LINE_HEIGHT, line, 12, i == n_cols - 1, "middle"))
    top += header_h
    rows = [(label, cells, total) for label, cells, total in zip(heat.row_labels, heat.cells, heat.row_totals)]
    rows.append((TOTAL_LABEL, heat.col_totals, heat.total))
    maximum = heat.max_count
    for r, (label, cells, row_total) in enumerate(rows):
        y = top + r * CELL_HEIGHT
        is_total_row = r == len(rows) - 1
        lines = wrap(label, ROW_LABEL_WIDTH - 10, 12, is_total_row)
        shapes.extend(_label_lines(lines, left - 8, y, CELL_HEIGHT, 12, "end", is_total_row))
        for c, cell in enumerate((*cells, row_total)):
            is_total = is_total_row or c == n_cols - 1
            fill = _cell_fill(cell, maximum, is_total)
            name = f"{label} × {headers[c]}: {cell.text}" if not is_total else f"{label}, {headers[c]}: {cell.text}"
            shapes.append(Group(name, (
                Rect(left + c * cell_w, y, cell_w, CELL_HEIGHT, fill, GRID),
                Text(left + c * cell_w + cell_w / 2, y + CELL_HEIGHT / 2 + 5, cell.text, 13,
                     is_total, "middle", ink_on(fill)),
            )))
    top += len(rows) * CELL_HEIGHT + 22
    for line in legend_lines():
        for part in wrap(line, WIDTH - 2 * MARGIN, 12):
            shapes.append(Text(MARGIN, top, part, 12, fill=MUTED))
            top += LINE_HEIGHT + 2
    return top


def _cell_fill(cell: Cell, maximum: int, is_total: bool) -> str:
    if cell.hidden:
        return HIDDEN_FILL
    if is_total:
        return TOTAL_FILL
    return heat_colour(cell.count or 0, maximum)


def _bars(breakdown: Breakdown, out: Layout, heading: str, left: float, width: float, top: float) -> float:
    """Horizontal bars, one per key, with the count written beside each."""
    shapes = out.shapes
    shapes.append(Text(left, top + 18, heading, 16, True))
    top += 34
    label_w = 190
    bar_left = left + label_w
    bar_max = width - label_w - 60
    maximum = max((c.count or 0 for c in breakdown.cells), default=0)
    for label, cell in breakdown.items():
        shapes.append(Text(bar_left - 8, top + 16, label, 12, anchor="end"))
        length = 0.0 if cell.hidden or maximum == 0 else bar_max * (cell.count or 0) / maximum
        if length > 0:
            shapes.append(Rect(bar_left, top + 4, length, 16, BAR))
        shapes.append(Text(bar_left + length + 6, top + 16, cell.text, 12, True))
        top += 24
    shapes.append(Text(left, top + 14, f"Totaal: {breakdown.total.text}", 12, True))
    return top + 24


def _meedenkers(insights: Insights, out: Layout, left: float, width: float, top: float) -> float:
    shapes = out.shapes
    shapes.append(Text(left, top + 18, "Wie helpt: informele of formele meedenker", 16, True))
    top += 34
    informal = insights.meedenkers[INFORMEEL]
    formal = insights.meedenkers[FORMEEL]
    if insights.informal_share is not None and insights.formal_share is not None:
        split = width * insights.informal_share
        if split > 0:
            shapes.append(Rect(left, top, split, 20, BAR))
        if width - split > 0:
            shapes.append(Rect(left + split, top, width - split, 20, BAR_FORMAL))
        top += 38
    rows = [
        ("informeel", informal, insights.informal_share),
        ("formeel", formal, insights.formal_share),
        ("nog geen meedenker", insights.meedenkers[NONE_KEY], None),
    ]
    for label, cell, share in rows:
        share_text = "" if share is None else f" ({format_share(share)})"
        if label != "nog geen meedenker" and share is None and cell.count != 0:
            share_text = " (aandeel niet getoond: kleine aantallen)"
        shapes.append(Text(left, top, f"{label}: {cell.text}{share_text}", 13))
        top += 20
    return top + 6


def _weeks(insights: Insights, out: Layout, top: float) -> float:
    """Vertical bars per ISO week; a hidden week gets no bar, only its sign."""
    shapes = out.shapes
    weeks = insights.weeks
    shapes.append(Text(MARGIN, top + 18, "Tickets per week", 16, True))
    top += 40
    chart_h = 150
    n = max(len(weeks.cells), 1)
    slot = (WIDTH - 2 * MARGIN) / n
    bar_w = max(min(slot * 0.7, 60), 2)
    every = 1 + int(n * 60 // (WIDTH - 2 * MARGIN))  # skip labels that would overlap
    maximum = max((c.count or 0 for c in weeks.cells), default=0)
    base = top + chart_h
    for i, (label, cell) in enumerate(weeks.items()):
        x = MARGIN + i * slot + slot / 2
        height = 0.0 if cell.hidden or maximum == 0 else (chart_h - 20) * (cell.count or 0) / maximum
        if height > 0:
            shapes.append(Rect(x - bar_w / 2, base - height, bar_w, height, BAR))
        elif cell.hidden:  # a grey stub of fixed height: "there is a count here", not its size
            height = HIDDEN_STUB
            shapes.append(Rect(x - bar_w / 2, base - height, bar_w, height, HIDDEN_FILL, GRID))
        if i % every == 0:
            shapes.append(Text(x, base - height - 5, cell.text, 11, True, "middle"))
            shapes.append(Text(x, base + 16, label, 11, anchor="middle"))
    shapes.append(Rect(MARGIN, base, WIDTH - 2 * MARGIN, 1, GRID))
    top = base + 40
    if every > 1:
        shapes.append(Text(MARGIN, top - 8, f"Niet elke week heeft een label; zie de tabel voor alle {n} weken.",
                           12, fill=MUTED))
        top += 12
    return top


def layout(insights: Insights) -> Layout:
    """Place everything: title, key figures, heatmap, routes and meedenkers, weeks."""
    result = Layout()
    shapes = result.shapes
    top = 16.0
    for line in wrap(_title(insights), WIDTH - 2 * MARGIN, 22, True):
        top += 28
        shapes.append(Text(MARGIN, top, line, 22, True))
    facts = (
        f"{format_period(insights.start, insights.end)}  ·  tickets: {insights.tickets.text}"
        f"  ·  urgent: {insights.urgency['urgent'].text}"
        f"  ·  mediane tijd tot eerste contact: {format_hours(insights.median_hours_to_first_contact)}"
        f" (eerste contact gehad: {insights.contact['gehad'].text})"
    )
    top += 8
    for line in wrap(facts, WIDTH - 2 * MARGIN, 14):
        top += 22
        shapes.append(Text(MARGIN, top, line, 14))
    top = _heatmap(insights, result, top + 20) + 10
    half = (WIDTH - 2 * MARGIN - 40) / 2
    left_bottom = _bars(insights.routes, result, "Tickets per route", MARGIN, half, top)
    right_bottom = _meedenkers(insights, result, MARGIN + half + 40, half, top)
    top = _weeks(insights, result, max(left_bottom, right_bottom) + 10)
    result.height = top + MARGIN
    return result


def _most_asked(insights: Insights, limit: int = 3) -> str:
    """The leefgebieden with the most tickets, from shown totals only."""
    heat = insights.heatmap
    shown = sorted(
        ((total.count, label) for label, total in zip(heat.row_labels, heat.row_totals) if total.count),
        key=lambda pair: -pair[0],
    )[:limit]
    if not shown:
        return ""
    return "Meeste tickets over: " + ", ".join(f"{label} ({count})" for count, label in shown) + ". "


def description(insights: Insights) -> str:
    """The chart in words (<desc>): what it shows, the main finding and how to read the signs."""
    return (
        f"Tickets van {format_period(insights.start, insights.end)}, "
        f"{_gemeente(insights, 'alle gemeenten')}: {insights.tickets.text} tickets. "
        "Een tabel van leefgebieden en doelgroepen met het aantal tickets per vakje, "
        "het aantal tickets per route en per week, en wie helpt: een informele of formele meedenker. "
        + _most_asked(insights)
        + f"Mediane tijd tot eerste contact: {format_hours(insights.median_hours_to_first_contact)}. "
        + " ".join(legend_lines())
    )


# --- SVG ------------------------------------------------------------------------------------

def xml_text(text: str) -> str:
    """Escaped character data; characters XML cannot carry become U+FFFD."""
    return escape(_NOT_XML.sub("\ufffd", text))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", value))


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Rect):
        stroke = f' stroke={_attr(shape.stroke)} stroke-width="1"' if shape.stroke else ""
        return (f'<rect x="{_num(shape.x)}" y="{_num(shape.y)}" width="{_num(shape.w)}" '
                f'height="{_num(shape.h)}" fill={_attr(shape.fill)}{stroke}/>')
    if isinstance(shape, Text):
        weight = ' font-weight="bold"' if shape.bold else ""
        anchor = f' text-anchor="{shape.anchor}"' if shape.anchor != "start" else ""
        return (f'<text x="{_num(shape.x)}" y="{_num(shape.y)}" font-size="{shape.size}"{weight}{anchor} '
                f'fill={_attr(shape.fill)}>{xml_text(shape.text)}</text>')
    inner = "".join(_svg_shape(s) for s in shape.shapes)
    return f"<g><title>{xml_text(shape.title)}</title>{inner}</g>"


def svg(insights: Insights) -> str:
    placed = layout(insights)
    height = _num(placed.height)
    body = "\n".join(_svg_shape(shape) for shape in placed.shapes)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="insights-title insights-desc" '
        f'font-family={_attr(FONT_FAMILY)}>\n'
        f'<title id="insights-title">{xml_text(_title(insights))}</title>\n'
        f'<desc id="insights-desc">{xml_text(description(insights))}</desc>\n'
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="{WHITE}"/>\n'
        f"{body}\n</svg>\n"
    )


# --- Pillow (PNG) ----------------------------------------------------------------------

_ANCHORS: Final = {"start": "ls", "middle": "ms", "end": "rs"}


def _paint(draw: ImageDraw.ImageDraw, shape: Shape) -> None:
    if isinstance(shape, Group):
        for inner in shape.shapes:
            _paint(draw, inner)
    elif isinstance(shape, Rect):
        box = [shape.x * SCALE, shape.y * SCALE, (shape.x + shape.w) * SCALE, (shape.y + shape.h) * SCALE]
        draw.rectangle(box, fill=shape.fill, outline=shape.stroke, width=SCALE if shape.stroke else 0)
    else:
        draw.text((shape.x * SCALE, shape.y * SCALE), shape.text, fill=shape.fill,
                  font=font(shape.size * SCALE, shape.bold), anchor=_ANCHORS[shape.anchor])


def image(insights: Insights) -> Image.Image:
    """The chart painted at SCALE× the SVG's size."""
    placed = layout(insights)
    picture = Image.new("RGB", (WIDTH * SCALE, int(placed.height * SCALE) + 1), WHITE)
    draw = ImageDraw.Draw(picture)
    for shape in placed.shapes:
        _paint(draw, shape)
    return picture


def png(insights: Insights) -> bytes:
    out = io.BytesIO()
    image(insights).save(out, "PNG", optimize=True)
    return out.getvalue()


# --- PDF (matplotlib, vector) ----------------------------------------------------------------

_HA: Final = {"start": "left", "middle": "center", "end": "right"}


def pdf(insights: Insights) -> bytes:
    """The layout as a vector PDF, A4 landscape wide: sharp in print, its text selectable.

    matplotlib draws with the same DejaVu Sans the layout was measured with. Names go in with
    parse_math=False, so a "$" in a gemeente's name is a dollar sign, not a formula.
    """
    from matplotlib import rc_context
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    placed = layout(insights)
    inches = A4_LANDSCAPE_INCHES
    points_per_unit = inches * 72 / WIDTH
    with rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        figure = Figure(figsize=(inches, inches * placed.height / WIDTH))
        canvas = FigureCanvasPdf(figure)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, WIDTH)
        axes.set_ylim(placed.height, 0)
        axes.set_axis_off()

        def draw(shape: Shape) -> None:
            if isinstance(shape, Group):
                for inner in shape.shapes:
                    draw(inner)
            elif isinstance(shape, Rect):
                axes.add_patch(Rectangle((shape.x, shape.y), shape.w, shape.h, facecolor=shape.fill,
                                         edgecolor=shape.stroke or "none", linewidth=0.6 if shape.stroke else 0))
            else:
                axes.text(shape.x, shape.y, shape.text, fontsize=shape.size * points_per_unit,
                          fontweight="bold" if shape.bold else "normal", color=shape.fill,
                          ha=_HA[shape.anchor], va="baseline", parse_math=False)

        for shape in placed.shapes:
            draw(shape)
        out = io.BytesIO()
        with warnings.catch_warnings():  # a name in a script DejaVu lacks: a box, as in the PNG
            warnings.filterwarnings("ignore", message="Glyph .* missing from current font")
            canvas.print_pdf(out, metadata={"Title": _title(insights), "Subject": description(insights),
                                            "Creator": "Meedenker dashboard"})
    return out.getvalue()

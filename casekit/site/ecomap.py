"""The ecomap (생태도) of a household as an inline SVG: a pure function, no script, no outside load.

The household sits in the middle (the client and each member with relation and age group);
around it the informal supports (dashed lines) and the resources linked to the case (solid
lines: formal; dotted: informal resources). Every text is escaped; names never appear, only
relations, age groups and resource names, so the drawing publishes nothing `x-sensitive`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 440
CX, CY = WIDTH / 2, HEIGHT / 2
HOUSE_R = 92
ORBIT_X, ORBIT_Y = 250, 170
NODE_W, NODE_H = 150, 40
MAX_CHARS = 14


@dataclass(frozen=True)
class Link:
    """One system around the household: a resource or an informal support."""

    label: str
    kind: str = "informal_support"  # informal_support | formal | informal (an informal resource from resources/)


def _text(value: str, limit: int = MAX_CHARS) -> str:
    value = " ".join(str(value).split())
    return escape(value if len(value) <= limit else value[: limit - 1] + "…", quote=True)


def ecomap_svg(
    members: list[tuple[str, str]],
    supports: list[str],
    resources: list[tuple[str, str]],
    *,
    client: str = "클라이언트",
    title: str = "생태도",
) -> str:
    """`members`: (relation, age group label) of each household member besides the client;
    `supports`: informal supports as written in the assessment (relations, never names);
    `resources`: (name, kind) of the resources linked to the case, kind `formal` or `informal`."""
    links = [Link(s, "informal_support") for s in supports] + [Link(n, k) for n, k in resources]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ck-ecomap" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{_text(title, 40)}">',
        f"<title>{_text(title, 40)}</title>",
    ]
    count = max(len(links), 1)
    for i, link in enumerate(links):
        angle = -math.pi / 2 + 2 * math.pi * i / count
        x, y = CX + ORBIT_X * math.cos(angle), CY + ORBIT_Y * math.sin(angle)
        dash = {"informal_support": ' stroke-dasharray="6 4"', "informal": ' stroke-dasharray="2 3"'}.get(link.kind, "")
        # the line runs from the household's edge to the box's edge
        ex, ey = CX + HOUSE_R * math.cos(angle), CY + HOUSE_R * math.sin(angle)
        out.append(
            f'<line class="ck-eco-{link.kind}" x1="{ex:.1f}" y1="{ey:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="currentColor" stroke-width="1.5"{dash}/>'
        )
        out.append(
            f'<g class="ck-eco-node ck-eco-{link.kind}"><rect x="{x - NODE_W / 2:.1f}" y="{y - NODE_H / 2:.1f}" '
            f'width="{NODE_W}" height="{NODE_H}" rx="8" fill="#fff" stroke="currentColor"{dash}/>'
            f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" font-size="13">{_text(link.label)}</text></g>'
        )
    out.append(
        f'<circle class="ck-eco-household" cx="{CX}" cy="{CY}" r="{HOUSE_R}" fill="#fff" stroke="currentColor" '
        f'stroke-width="2"/>'
    )
    people = [client] + [f"{relation}({age})" if age else relation for relation, age in members]
    shown = people[:6] + ([f"외 {len(people) - 6}명"] if len(people) > 6 else [])
    top = CY - (len(shown) - 1) * 9
    for i, person in enumerate(shown):
        weight = ' font-weight="bold"' if i == 0 else ""
        out.append(
            f'<text x="{CX}" y="{top + i * 18 + 5:.1f}" text-anchor="middle" font-size="13"{weight}>{_text(person)}</text>'
        )
    if not links:
        out.append(f'<text x="{CX}" y="{HEIGHT - 16}" text-anchor="middle" font-size="12">연결된 자원·지지체계 없음</text>')
    out.append("</svg>")
    return "".join(out)

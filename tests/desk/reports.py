"""Short reports written for the desk tests: several outlets telling the same meetings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def item(n: int, text: str, hours_ago: float, title: str | None = None) -> dict:
    return {"title": title or f"Report {n}", "link": f"https://wire{n}.example/news/{n}",
            "text": text, "published": datetime.now(UTC) - timedelta(hours=hours_ago)}


MOSCOW = [
    "Hakan Fidan met Sergey Lavrov in Moscow on 28 November to discuss grain exports across the Black Sea. "
    "The two ministers agreed to continue the talks next month, officials said.",
    "Turkish Foreign Minister Hakan Fidan held talks with Sergey Lavrov in Moscow on 28 November about the grain corridor. "
    "Both sides called the meeting useful.",
    "Sergey Lavrov received Hakan Fidan in Moscow on 28 November; the talks focused on shipping through the Black Sea, "
    "a ministry statement said.",
    "In Moscow on 28 November, Hakan Fidan and Sergey Lavrov met for three hours and discussed grain shipments, "
    "according to diplomats.",
    "Hakan Fidan met Sergey Lavrov in Moscow on 28 November, and a joint statement on grain exports followed "
    "the meeting.",
]

"""Synthetic news in WARC.gz shards laid out like CC-NEWS, for the batch demo, test and benchmark.

Each event (two officials of the knowledge base meeting in a city on a Saturday) is
reported by one to three outlets in different languages, published the day or two
after; the templates are benchmarks/synthetic.py's. Officials are drawn from pairs of
countries that no other pair shares, so resolution has many independent partitions,
as a real stream does. A shard holds, per article, a request record, the HTML response
(gzip per record, as CC-NEWS), and now and then an image response that is skipped.

    python benchmarks/warc_corpus.py OUT_DIR [--articles 2000] [--shards 8] [--seed 7]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import CITIES, TEMPLATES  # noqa: E402

LANGUAGES = ("en", "fr", "es", "de")
OUTLETS = ("harbourpost", "lemeridien", "diariosur", "rheinblatt", "northwire", "courrierdelest")
FIRST_SATURDAY = date(2026, 1, 3)


def officials() -> dict[str, list[dict[str, str]]]:
    """Curated people with a current office, by country: their name in each template language."""
    found: dict[str, list[dict[str, str]]] = {}
    for path in sorted((ROOT / "src/newstrace/knowledge/data").glob("actors_*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if entry.get("kind") != "person" or not entry.get("country"):
                continue
            roles = entry.get("roles") or []
            if not any(r.get("end") is None and r.get("country") == entry["country"] for r in roles):
                continue
            names = entry.get("names") or {}
            if not all(names.get(lang) for lang in LANGUAGES):
                continue
            found.setdefault(entry["country"], []).append({lang: names[lang][0] for lang in LANGUAGES})
    return {country: people for country, people in sorted(found.items()) if len(people) >= 2}


def html(title: str, paragraphs: list[str], language: str, published: date, outlet: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{title} | {outlet}</title>'
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{published.isoformat()}T09:00:00Z">'
            f'<meta property="og:site_name" content="{outlet}"></head><body><nav><a href="/">Home</a></nav>'
            f"<article><h1>{title}</h1>{body}</article><footer>© {outlet}</footer></body></html>").encode("utf-8")


def articles(n: int, seed: int = 7):
    """(url, published, html bytes) of n articles reporting events, in a fixed order for a seed."""
    rnd = random.Random(seed)
    people = officials()
    countries = list(people)
    rnd.shuffle(countries)
    pairs = [(countries[i], countries[i + 1]) for i in range(0, len(countries) - 1, 2)]
    made = 0
    event = 0
    while made < n:
        first, second = pairs[event % len(pairs)]
        a, b = rnd.choice(people[first]), rnd.choice(people[second])
        city = rnd.choice(CITIES)
        saturday = FIRST_SATURDAY + timedelta(weeks=rnd.randrange(52))
        reports = min(n - made, rnd.choice((1, 1, 2, 3)))
        for lang in rnd.sample(LANGUAGES, reports):
            lede, body1, body2, _ = TEMPLATES[lang]
            published = saturday + timedelta(days=rnd.choice((1, 2)))
            outlet = rnd.choice(OUTLETS)
            paragraphs = [lede.format(a=a[lang], b=b[lang], c=city)]
            paragraphs += [f"{rnd.choice((body1, body2))} {rnd.choice((body1, body2))}" for _ in range(rnd.randint(1, 3))]
            title = f"{a[lang]} – {b[lang]}, {city}"
            url = f"https://{outlet}.example/{lang}/world/{published.isoformat()}/{event:06}-{made:07}"
            yield url, published, html(title, paragraphs, lang, published, outlet)
            made += 1
        event += 1


def _record(writer: WARCWriter, url: str, kind: str, payload: bytes, content_type: str, when: str):
    if kind == "request":
        headers = StatusAndHeaders(f"GET {url.split('.example', 1)[1]} HTTP/1.1", [("Host", url.split("/")[2])],
                                   is_http_request=True)
    else:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": when})


def write_shards(folder: Path, n: int, shards: int, seed: int = 7) -> list[Path]:
    """n articles over `shards` WARC.gz files named like CC-NEWS's; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"CC-NEWS-20260101000000-{i:05}.warc.gz" for i in range(shards)]
    handles = [path.open("wb") for path in paths]
    writers = [WARCWriter(h, gzip=True) for h in handles]
    for writer, path in zip(writers, paths):
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newstrace warc_corpus"}))
    for i, (url, published, page) in enumerate(articles(n, seed)):
        writer = writers[i % shards]
        when = f"{published.isoformat()}T12:00:00Z"
        writer.write_record(_record(writer, url, "request", b"", "", when))
        writer.write_record(_record(writer, url, "response", page, "text/html; charset=utf-8", when))
        if i % 25 == 0:
            writer.write_record(_record(writer, url + ".png", "response", b"\x89PNG\r\n", "image/png", when))
    for handle in handles:
        handle.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_shards(args.out, args.articles, args.shards, args.seed)
    print(f"{args.articles} articles in {len(paths)} WARC.gz shards under {args.out}")


if __name__ == "__main__":
    main()

"""Realistic synthetic news articles in several languages, for the benchmarks.

Each article is about 600 words: a title, a dateline, a lede naming two actors
and a city, body sentences built from per-language templates, and outlet
boilerplate, written as crawler text, an HTML page or a news-please JSON line.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

ACTORS = ["Hakan Fidan", "Sergey Lavrov", "Antonio Guterres", "Emmanuel Macron", "Ibrahim Kalin",
          "Abbas Araghchi", "Marco Rubio", "Khalil al-Hayya", "Pedro Sanchez", "Friedrich Merz"]
CITIES = ["Ankara", "Istanbul", "Doha", "Cairo", "Geneva", "Moscow", "Madrid", "Berlin", "Tehran", "Paris"]

TEMPLATES = {
    "en": ("{a} met {b} in {c} on Saturday to discuss the ceasefire and humanitarian aid.",
           "Officials said the talks covered the exchange of prisoners and the reopening of the border crossing.",
           "According to diplomatic sources, both sides agreed to meet again next month.",
           "Subscribe to our newsletter: https://news.example/newsletter"),
    "fr": ("{a} a rencontré {b} samedi à {c} pour discuter du cessez-le-feu et de l'aide humanitaire.",
           "Des diplomates ont indiqué que les pourparlers concernaient aussi l'échange de prisonniers.",
           "Les deux parties sont convenues de se revoir le mois prochain, a indiqué un responsable.",
           "Inscrivez-vous à notre newsletter : https://news.example/newsletter"),
    "tr": ("{a}, cumartesi günü {c} kentinde {b} ile bir araya gelerek ateşkesi görüştü.",
           "Diplomatik kaynaklara göre görüşmede esir takası ve insani yardım ele alındı.",
           "İki taraf gelecek ay yeniden görüşme konusunda uzlaştı.",
           "Bültenimize abone olun: https://news.example/bulten"),
    "ar": ("التقى {a} يوم السبت في {c} مع {b} لبحث وقف إطلاق النار والمساعدات الإنسانية.",
           "وقالت مصادر دبلوماسية إن المحادثات تناولت تبادل الأسرى وإعادة فتح المعبر.",
           "واتفق الجانبان على عقد لقاء جديد الشهر المقبل.",
           "اشترك في نشرتنا الإخبارية: https://news.example/newsletter"),
    "es": ("{a} se reunió el sábado en {c} con {b} para hablar del alto el fuego y de la ayuda humanitaria.",
           "Según fuentes diplomáticas, las conversaciones abordaron el intercambio de prisioneros.",
           "Ambas partes acordaron volver a reunirse el mes próximo.",
           "Suscríbete a nuestro boletín: https://news.example/boletin"),
    "de": ("{a} traf sich am Samstag in {c} mit {b}, um über die Waffenruhe und humanitäre Hilfe zu sprechen.",
           "Nach Angaben diplomatischer Kreise ging es auch um den Austausch von Gefangenen.",
           "Beide Seiten vereinbarten, sich im kommenden Monat erneut zu treffen.",
           "Abonnieren Sie unseren Newsletter: https://news.example/newsletter"),
    "ru": ("{a} в субботу встретился в городе {c} с {b}, чтобы обсудить прекращение огня.",
           "По данным дипломатических источников, стороны обсудили обмен пленными и гуманитарную помощь.",
           "Стороны договорились встретиться вновь в следующем месяце.",
           "Подпишитесь на нашу рассылку: https://news.example/newsletter"),
    "fa": ("{a} روز شنبه در {c} با {b} دیدار کرد و درباره آتش‌بس و کمک‌های بشردوستانه گفتگو کرد.",
           "به گفته منابع دیپلماتیک، دو طرف درباره تبادل زندانیان نیز رایزنی کردند.",
           "دو طرف توافق کردند ماه آینده دوباره دیدار کنند.",
           "در خبرنامه ما عضو شوید: https://news.example/newsletter"),
}


@dataclass(frozen=True)
class SyntheticArticle:
    name: str
    language: str
    title: str
    date: str
    paragraphs: tuple[str, ...]
    boilerplate: str


def make_articles(n: int, seed: int = 11) -> list[SyntheticArticle]:
    rnd = random.Random(seed)
    languages = sorted(TEMPLATES)
    out = []
    for i in range(n):
        lang = languages[i % len(languages)]
        lede, body1, body2, boiler = TEMPLATES[lang]
        a, b = rnd.sample(ACTORS, 2)
        city = rnd.choice(CITIES)
        day = f"2026-{rnd.randint(1, 12):02}-{rnd.randint(1, 28):02}"
        paragraphs = [lede.format(a=a, b=b, c=city)]
        while sum(len(p.split()) for p in paragraphs) < 600:
            paragraphs.append(" ".join(rnd.choice((body1, body2)) for _ in range(3)) + f" ({i}-{len(paragraphs)})")
        out.append(SyntheticArticle(f"{lang}_{i:06}", lang, f"{a} – {b} ({city}) #{i}", day, tuple(paragraphs), boiler))
    return out


def as_text(article: SyntheticArticle) -> str:
    return "\n\n".join([article.title, article.date, *article.paragraphs, article.boilerplate]) + "\n"


def as_html(article: SyntheticArticle) -> str:
    body = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    return (f'<!doctype html><html lang="{article.language}"><head><meta charset="utf-8">'
            f"<title>{article.title} | Example News</title>"
            f'<meta property="og:title" content="{article.title}">'
            f'<meta property="article:published_time" content="{article.date}T10:00:00Z">'
            f'<meta property="og:site_name" content="Example News"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>{article.title}</h1>{body}</article>"
            f"<footer>{article.boilerplate}</footer></body></html>")


def as_newsplease(article: SyntheticArticle) -> str:
    return json.dumps({"url": f"https://news.example/{article.name}", "title": article.title,
                       "maintext": "\n\n".join(article.paragraphs), "date_publish": f"{article.date} 10:00:00",
                       "language": article.language, "source_domain": "news.example", "authors": []},
                      ensure_ascii=False)


def write_corpus(folder: Path, n: int, kind: str) -> Path:
    """Write n articles as `text` (one .txt each), `html` (one .html each) or `jsonl` (one file)."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = make_articles(n)
    if kind == "jsonl":
        path = folder / "articles.jsonl"
        path.write_text("\n".join(as_newsplease(a) for a in articles) + "\n", encoding="utf-8")
        return path
    writer, suffix = (as_text, ".txt") if kind == "text" else (as_html, ".html")
    for article in articles:
        (folder / f"{article.name}{suffix}").write_text(writer(article), encoding="utf-8")
    return folder

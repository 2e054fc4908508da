"""Realistic generated customers for the demo database, screenshots and benchmarks."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator

from app.dto.customers import CustomerInput

FIRST = (
    "Ana Ben Carla David Elif Farah Gustavo Hannah Ivan Julia Kenji Lena Marco Nadia Omar "
    "Paula Quentin Rosa Sven Tanja Umar Valeria Wei Xenia Yusuf Zoë Amelia Bruno Chiara Dmitri "
    "Emma Felix Greta Hugo Ingrid Jonas Katarina Lukas Mia Niklas Olga Pedro Sofia Tomás"
).split()
LAST = (
    "Silva Okafor Mendes Schmidt Yılmaz Haddad Pereira Müller Petrov Novak Tanaka Fischer Rossi "
    "Karimi Nguyen Becker Dubois García Larsen Kowalski Hoffmann Costa Weber Jansen Moreau Ivanova "
    "Wagner Lopez Andersen Brown Keller Romano Hansen Sato Meyer Schulz Fernández Bauer Klein"
).split()
COMPANIES = (
    "Acme Logistics",
    "Northwind Traders",
    "Bauer Maschinenbau",
    "Costa Marine Supply",
    "Helix Medical",
    "Larsen Bygg",
    "Moreau Imprimerie",
    "Novak Foods",
    "Orbit Software",
    "Pereira Construções",
    "Rossi Arredamenti",
    "Sato Precision",
    "Keller Print & Pack",
    "Weber Agrartechnik",
    "Blue Harbor Hotels",
    "Green Valley Farms",
    "Summit Dental",
    "Atlas Fleet Services",
    "Lumen Architects",
    "Riverbend Clinic",
    "",
    "",
)
# What each company does, so the value-add library can suggest what suits it.
INDUSTRIES = {
    "Acme Logistics": "logistics", "Northwind Traders": "wholesale",
    "Bauer Maschinenbau": "manufacturing", "Costa Marine Supply": "wholesale",
    "Helix Medical": "healthcare", "Larsen Bygg": "construction", "Moreau Imprimerie": "printing",
    "Novak Foods": "food", "Orbit Software": "software", "Pereira Construções": "construction",
    "Rossi Arredamenti": "manufacturing", "Sato Precision": "manufacturing",
    "Keller Print & Pack": "printing", "Weber Agrartechnik": "agriculture",
    "Blue Harbor Hotels": "hospitality", "Green Valley Farms": "agriculture",
    "Summit Dental": "healthcare", "Atlas Fleet Services": "logistics",
    "Lumen Architects": "construction", "Riverbend Clinic": "healthcare",
}  # fmt: skip
SOURCES = ("trade fair", "referral", "website", "cold call", "LinkedIn", "existing customer", "")
CHANNELS = ("email", "email", "email", "phone", "phone", "text", "in_person", "letter", "social")


def _slug(text: str) -> str:
    """ASCII letters and digits only, for believable e-mail addresses."""
    plain = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss").replace("ı", "i"))
    return "".join(ch for ch in plain if ch.isascii() and ch.isalnum())


def sample_customers(count: int, seed: int = 7) -> Iterator[CustomerInput]:
    """Deterministic customers with believable names, companies, phones and birthdays."""
    rng = random.Random(seed)
    for _ in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        company = rng.choice(COMPANIES)
        domain = _slug(company.split()[0] if company else last) + rng.choice((".com", ".de", ".eu"))
        birthday = ""
        if rng.random() < 0.6:
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            year = rng.randint(1955, 1998) if rng.random() < 0.5 else None
            birthday = f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        yield CustomerInput(
            name=f"{first} {last}",
            company=company,
            email=f"{_slug(first)}.{_slug(last)}@{domain}",
            phone=f"+49 {rng.randint(151, 179)} {rng.randint(1000000, 9999999)}",
            channel=rng.choice(CHANNELS),
            birthday=birthday,
            is_key=rng.random() < 0.2,
            source=rng.choice(SOURCES),
            keep_in_touch_days=rng.choice((None, None, None, 30, 60, 120)),
            industry=INDUSTRIES.get(company, ""),
        )

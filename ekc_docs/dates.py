"""Dates as the rules and pages need them: months added, ages, staleness, dates in words.

One home for calendar arithmetic, so the checker, the printed plan and the site always agree
(a service is 'stale' in the same way in `ekc check` and on the kaart page).
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import cache

#: a kaart service verified longer ago than this is `stale-entry` (contract §4)
STALE_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_on(born: date, day: date) -> int:
    """Age in whole years on `day`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def stale_before(today: date) -> date:
    """A verification before this date is out of date on `today`."""
    return add_months(today, -STALE_MONTHS)


@cache
def _babel_locale(locale: str) -> object:
    from babel import Locale

    return Locale.parse(locale)


def date_in_words(day: date, locale: str = "nl") -> str:
    """'26 september 2026' in Dutch, '26 September 2026' in British English (from Babel)."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=_babel_locale(locale))  # type: ignore[arg-type]

"""Dates as a news page prints them on a line of their own under the headline: "March 5,
2025", "4 mars 2025", "4 марта 2025", "Published: Tuesday, 4 March 2025 at 9:12 a.m. ET",
"2025-03-04", "04.03.2025"; read as an ISO date ("2025-03-05").

A line is a date line only when nothing but the date, a label ("Published", "Updated",
"Publié le", ...), a weekday and a time stands on it: "On March 5, 2025, the council
voted ..." is a sentence, not a date line. Slashed dates ("03/04/2025") are left unread:
the day and the month may come in either order.
"""

from __future__ import annotations

import datetime as dt
import re

from tui.support.wordsets import wordset

# Month names (and their genitive and abbreviated forms) in the languages news is most
# often read in here: English, French, German, Spanish, Italian, Portuguese, Dutch,
# Russian, Ukrainian.
_MONTH_NAMES = (
    "january jan janvier januar jänner enero gennaio janeiro januari января январь січня",
    "february feb février fevrier februar febrero febbraio fevereiro februari февраля "
    "февраль лютого",
    "march mar mars märz maerz marzo março maart марта март березня",
    "april apr avril abril aprile апреля апрель квітня",
    "may mai mayo maggio maio mei мая май травня",
    "june jun juin juni junio giugno junho июня июнь червня",
    "july jul juillet juli julio luglio julho июля июль липня",
    "august aug août aout agosto augustus августа август серпня",
    "september sep sept septembre septiembre setiembre settembre setembro сентября "
    "сентябрь вересня",
    "october oct octobre oktober octubre ottobre outubro okt октября октябрь жовтня",
    "november nov novembre noviembre novembro ноября ноябрь листопада",
    "december dec décembre decembre dezember diciembre dicembre dezembro dez декабря "
    "декабрь грудня",
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names.split()
}
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?"
_OF = r"(?:\s+(?:de|del|di|of)\s+|\s+)"
_DATES = (
    re.compile(rf"(?<!\w){_DAY}{_OF}{_MONTH}{_OF}{_YEAR}(?:\s*(?:г\.|года|р\.|року))?", re.I),
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(r"(?<!\w)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),
    re.compile(r"(?<!\w)(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)"),
)
# What else a date line may hold: labels, weekdays, a time, its zone, separators.
_LINE_WORDS = wordset(
    "published updated posted last modified first date dated on at the le à a las um am "
    "publié publiée mis jour mise veröffentlicht aktualisiert stand publicado actualizado "
    "atualizado pubblicato aggiornato опубликовано обновлено опубліковано оновлено в о "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica понедельник вторник среда "
    "четверг пятница суббота воскресенье понеділок вівторок середа четвер пʼятниця субота "
    "неділя am pm a.m a.m. p.m p.m. utc gmt est edt cet cest et pt bst ist msk h uhr"
)
_TIME = re.compile(r"^\d{1,2}(?:[:.h]\d\d)?(?:[ap]\.?m\.?)?$", re.I)
_SEPARATORS = " \t,.;:|•·()–—-/"


def _date_of(m: re.Match[str]) -> dt.date | None:
    month = m.group("month")
    number = int(month) if month.isdigit() else MONTHS.get(month.casefold())
    if number is None:
        return None
    try:
        return dt.date(int(m.group("year")), number, int(m.group("day")))
    except ValueError:
        return None  # "31 February"


def find_date(text: str) -> tuple[dt.date, str] | None:
    """The first date `text` holds and the text around it (the date cut out), or None."""
    for pattern in _DATES:
        for m in pattern.finditer(text):
            date = _date_of(m)
            if date is not None:
                return date, f"{text[: m.start()]} {text[m.end() :]}"
    return None


def is_date_only(rest: str) -> bool:
    """Whether `rest` (a line with its date cut out) holds only labels, weekdays and times."""
    words = [w.strip(_SEPARATORS) for w in rest.split()]
    return all(not w or w.casefold() in _LINE_WORDS or _TIME.match(w) for w in words)


def date_line(line: str) -> str | None:
    """The ISO date a date line gives ("Published: March 5, 2025 at 9:12 a.m. ET" ->
    "2025-03-05"); None for any other line."""
    line = line.strip().strip("*_ ")
    if not line or len(line) > 80:
        return None
    found = find_date(line)
    if found is None or not is_date_only(found[1]):
        return None
    return found[0].isoformat()

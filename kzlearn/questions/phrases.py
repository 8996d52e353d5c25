"""The wording of generated questions: templates per language, and weekdays in statements.

A fact's own ``question`` and ``statement`` come first; these templates are the fallback
(``kzlearn lint`` names each fact that falls back to one). Every template is a whole
question: Arabic ones agree with the gender of what they ask about, and ask through a
construct (ما تاريخ …؟) where the gender of ``about`` is unknown.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["PHRASES", "phrase", "with_weekday"]

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "when": "When was {about}?",
        "who": "Who is {about}?",
        "what": "What is {about}?",
        "how_many": "What is {about}?",
        "statement_date": "The date of {about} is {answer}.",
        "statement": "{About} is {answer}.",
        "what_is": "What does “{term}” mean?",
        "which_term": "Which term means “{definition}”?",
        "order_dates": "Put these events in order, earliest first.",
        "match_terms": "Match each term with its meaning.",
        "cloze": "Fill in the blank from the source.",
        "year": " (give the year)",
        "month": " (give the month and year)",
        "day": " (give the day, month and year)",
        "month-day": " (give the day and month)",
    },
    "ar": {
        "when": "ما تاريخ {about}؟",
        "who": "من هو {about}؟",
        "who_f": "من هي {about}؟",
        "what": "ما {about}؟",
        "how_many": "كم {about}؟",
        "statement_date": "تاريخ {about} هو {answer}.",
        "statement": "{about} هو {answer}.",
        "statement_f": "{about} هي {answer}.",
        "what_is": "ما معنى «{term}»؟",
        "which_term": "أي مصطلح يعني «{definition}»؟",
        "order_dates": "رتّب هذه الأحداث زمنياً، من الأقدم إلى الأحدث.",
        "match_terms": "صِل كل مصطلح بمعناه.",
        "cloze": "أكمل الفراغ من نص المصدر.",
        "year": " (اذكر السنة)",
        "month": " (اذكر الشهر والسنة)",
        "day": " (اذكر اليوم والشهر والسنة)",
        "month-day": " (اذكر اليوم والشهر)",
    },
    "fr": {
        "when": "Quelle est la date de {about} ?",
        "who": "Qui est {about} ?",
        "what": "Qu'est-ce que {about} ?",
        "how_many": "Quel est {about} ?",
        "statement_date": "La date de {about} est {answer}.",
        "statement": "{About} est {answer}.",
        "what_is": "Que signifie « {term} » ?",
        "which_term": "Quel terme signifie « {definition} » ?",
        "order_dates": "Remettez ces événements dans l'ordre, du plus ancien au plus récent.",
        "match_terms": "Associez chaque terme à sa signification.",
        "cloze": "Complétez le blanc à partir de la source.",
        "year": " (l'année)",
        "month": " (le mois et l'année)",
        "day": " (le jour, le mois et l'année)",
        "month-day": " (le jour et le mois)",
    },
}


def phrase(key: str, lang: str, *, gender: str | None = None, **slots: str) -> str:
    """The template ``key`` in ``lang`` (English where the language has none), filled in.

    ``{About}`` is ``about`` with a capital first letter, for a template that starts with it.
    """
    table = PHRASES.get(lang, PHRASES["en"])
    if gender == "f" and f"{key}_f" in table:
        key = f"{key}_f"
    about = slots.get("about", "")
    return table[key].format(About=about[:1].upper() + about[1:], **slots)


_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_ALL_WEEKDAYS = "|".join(d for days in _WEEKDAYS.values() for d in (*days, "الإثنين", "الاحد"))
# A weekday with what introduces it ("يوم الجمعة،", "on Friday,", "vendredi") right before
# the answer slot, so that a statement's weekday can be made to agree with the date put in.
_WEEKDAY_BEFORE_SLOT = re.compile(
    rf"(?:(?:يوم|on|le)\s+)?\b(?:{_ALL_WEEKDAYS})\b[،,]?\s*(?=(?:\S+\s+)?\{{answer\}})",
    re.IGNORECASE,
)


def with_weekday(template: str, lang: str, day: _dt.date | None) -> str:
    """``template`` with the weekday before ``{answer}`` made right for ``day``.

    A statement such as "they spoke on Friday {answer}" would be false for any other date
    put in it: the weekday is rewritten for a whole date, and dropped for a partial one.
    """
    match = _WEEKDAY_BEFORE_SLOT.search(template)
    if match is None:
        return template
    if day is None or lang not in _WEEKDAYS:
        replacement = ""
    else:
        name = _WEEKDAYS[lang][day.weekday()]
        intro = {"ar": "يوم ", "en": "on ", "fr": "le "}[lang]
        has_intro = match.group(0).lower().startswith(intro.strip())
        comma = "، " if lang == "ar" and "،" in match.group(0) else ""
        comma = comma or (", " if "," in match.group(0) else " ")
        replacement = f"{intro if has_intro else ''}{name}{comma}"
    return template[: match.start()] + replacement + template[match.end() :]

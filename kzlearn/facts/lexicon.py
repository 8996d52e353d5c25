"""Word lists for drafting entities from Arabic text: titles, offices, city names and the
words that head an organisation's or a document's name. All keys are folded.

Lists rather than a trained model: a draft is for a teacher to check, and a list says
plainly why something was (or was not) found. Add to them as articles need.
"""

from __future__ import annotations

from kzlearn.language.text import fold

__all__ = [
    "CITIES",
    "COMPOUND",
    "COUNTRIES",
    "ENDERS",
    "HEADS",
    "HONORIFICS",
    "NAMED_ORGS",
    "ROLES",
    "STOP",
    "TITLES_F",
    "TITLES_M",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


TITLES_M = _set("السيد الدكتور الأستاذ الشيخ المهندس")
TITLES_F = _set("السيدة الآنسة الدكتورة الأستاذة")
HONORIFICS = _set("سعادة فخامة معالي سمو جلالة صاحب")
# Office words: (group, gender). Gender None: the word is used for both (عمدة).
ROLES: dict[str, tuple[str, str | None]] = {
    fold(k): v
    for k, v in {
        "عمدة": ("mayor", None),
        "وزير": ("minister", "m"),
        "الوزير": ("minister", "m"),
        "وزيرة": ("minister", "f"),
        "الوزيرة": ("minister", "f"),
        "نائب": ("deputy", "m"),
        "نائبة": ("deputy", "f"),
        "سفير": ("ambassador", "m"),
        "السفير": ("ambassador", "m"),
        "سفيرة": ("ambassador", "f"),
        "السفيرة": ("ambassador", "f"),
        "الرئيس": ("head-of-state", "m"),
        "الرئيسة": ("head-of-state", "f"),
        "رئيس": ("head", "m"),
        "رئيسة": ("head", "f"),
        "الملك": ("head-of-state", "m"),
        "الملكة": ("head-of-state", "f"),
        "الأمير": ("prince", "m"),
        "القنصل": ("consul", "m"),
        "مدير": ("director", "m"),
        "مديرة": ("director", "f"),
        "الأمين": ("secretary-general", "m"),
    }.items()
}
STOP = _set(
    "في من إلى الى على عن مع حول خلال بعد قبل منذ حتى بين لدى عند نحو ضد دون غير أن إن قد "
    "لا لم لن ما و أو ثم هو هي هم هما الذي التي الذين هذا هذه ذلك تلك كل بعض أي كما حيث "
    "يوم عام سنة مؤخرا أيضا كذلك بلا كدولة كعضو"
)
COMPOUND = _set("عبد أبو ابو بن ابن أبي")  # عبد اللطيف: the second word has ال
ENDERS = _set("المنعقدة المنعقد المقبلة المقبل الماضية الماضي الحالية الحالي المذكورة الجاري")
CITIES: dict[str, str | None] = {
    fold(k): v
    for k, v in {
        "الرباط": "morocco",
        "الدار البيضاء": "morocco",
        "الدارالبيضاء": "morocco",
        "مراكش": "morocco",
        "فاس": "morocco",
        "مكناس": "morocco",
        "طنجة": "morocco",
        "أكادير": "morocco",
        "وجدة": "morocco",
        "تطوان": "morocco",
        "العيون": "morocco",
        "الداخلة": "morocco",
        "أستانا": "kazakhstan",
        "نور سلطان": "kazakhstan",
        "ألماتي": "kazakhstan",
        "الماتي": "kazakhstan",
        "الماطي": "kazakhstan",
        "شيمكنت": "kazakhstan",
        "القاهرة": "egypt",
        "الرياض": "saudi-arabia",
        "تونس العاصمة": "tunisia",
        "الجزائر العاصمة": "algeria",
        "نواكشوط": "mauritania",
        "باريس": "france",
        "لندن": "united-kingdom",
        "موسكو": "russia",
        "واشنطن": "united-states",
        "نيويورك": "united-states",
        "بكين": "china",
        "جنيف": "switzerland",
        "بروكسل": "belgium",
        "مدريد": "spain",
        "لشبونة": "portugal",
        "إسطنبول": "turkey",
        "أنقرة": "turkey",
        "طشقند": "uzbekistan",
        "بيشكيك": "kyrgyzstan",
    }.items()
}
COUNTRIES = _set(
    "المغرب كازاخستان روسيا الصين فرنسا بريطانيا إسبانيا ألمانيا مصر تونس الجزائر موريتانيا "
    "السعودية تركيا أوزبكستان قيرغيزستان اليابان الهند إيران"
)
# A country's name and adjective, to tell whose side an office is on (سفيرة كازاخستان).
SIDES: dict[str, str] = {
    fold(word): slug
    for slug, words in {
        "morocco": "المغرب المغربي المغربية المملكة_المغربية",
        "kazakhstan": "كازاخستان الكازاخستاني الكازاخستانية",
        "russia": "روسيا الروسي الروسية",
        "china": "الصين الصيني الصينية",
        "france": "فرنسا الفرنسي الفرنسية",
        "united-kingdom": "بريطانيا البريطاني البريطانية",
        "spain": "إسبانيا الإسباني الإسبانية",
        "germany": "ألمانيا الألماني الألمانية",
        "egypt": "مصر المصري المصرية",
        "tunisia": "تونس التونسي التونسية",
        "algeria": "الجزائر الجزائري الجزائرية",
        "turkey": "تركيا التركي التركية",
    }.items()
    for word in words.split()
}
# Words that head an organisation's or a document's name: (category, group).
HEADS: dict[str, tuple[str, str]] = {
    fold(k): v
    for k, v in {
        "منظمة": ("organisation", "international-organisation"),
        "المنظمة": ("organisation", "international-organisation"),
        "هيئة": ("organisation", "authority"),
        "وزارة": ("organisation", "ministry"),
        "جامعة": ("organisation", "league"),
        "البنك": ("organisation", "bank"),
        "بنك": ("organisation", "bank"),
        "معاهدة": ("document", "treaty"),
        "بروتوكول": ("document", "protocol"),
        "بيروتوكول": ("document", "protocol"),
        "ميثاق": ("document", "charter"),
        "استراتيجية": ("document", "strategy"),
    }.items()
}
NAMED_ORGS: dict[tuple[str, ...], str] = {
    tuple(fold(k).split()): v
    for k, v in {
        "الأمم المتحدة": "international-organisation",
        "الكومنولث": "international-organisation",
        "الاتحاد الأوروبي": "union",
        "الاتحاد الإفريقي": "union",
        "الاتحاد الأفريقي": "union",
        "جامعة الدول العربية": "league",
    }.items()
}

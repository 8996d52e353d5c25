"""A deck made in Anki by someone else, built with the official backend: every stock note
type, hints, tags, sub-decks, an image, an HTML list, a custom note type."""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection
from anki.import_export_pb2 import ExportAnkiPackageOptions

IMAGE = "almaty by night.png"  # a media name with spaces
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _custom_type(col: Collection) -> None:
    """A vocabulary note type whose back shows two fields: which is the answer is the
    teacher's choice."""
    models = col.models
    vocab = models.new("Vocab")
    for name in ("Word", "Meaning", "Example"):
        models.add_field(vocab, models.new_field(name))
    card = models.new_template("Recognise")
    card["qfmt"] = "{{Word}}"
    card["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}<br><i>{{Example}}</i>"
    models.add_template(vocab, card)
    models.add(vocab)


def third_party_deck(tmp_path: Path, *, legacy: bool = False) -> Path:
    """The .apkg, exported by Anki's own exporter (with its media)."""
    col = Collection(str(tmp_path / "theirs.anki2"))
    _custom_type(col)
    capitals = col.decks.id("Geography::Capitals")
    rivers = col.decks.id("Geography::Rivers")
    assert capitals is not None
    assert rivers is not None
    image = tmp_path / IMAGE
    image.write_bytes(PNG)
    stored = col.media.add_file(str(image))

    def add(kind: str, deck: int, tags: list[str], **fields: str) -> None:
        note = col.new_note(col.models.by_name(kind))  # type: ignore[arg-type]
        for name, value in fields.items():
            note[name.replace("_", " ")] = value
        note.tags = tags
        col.add_note(note, deck)  # type: ignore[arg-type]

    add("Basic", capitals, ["asia"], Front="Capital of Kazakhstan?", Back="Astana")
    add(
        "Basic (and reversed card)",
        capitals,
        ["asia", "geo::central"],
        Front="Kyrgyzstan",
        Back="Bishkek",
    )
    add(
        "Basic (optional reversed card)",
        capitals,
        [],
        Front="Uzbekistan",
        Back="Tashkent",
        Add_Reverse="y",
    )
    add("Basic (optional reversed card)", capitals, [], Front="Tajikistan", Back="Dushanbe")
    add(
        "Basic (type in the answer)",
        rivers,
        [],
        Front="The longest river of Kazakhstan?",
        Back="Irtysh",
    )
    add(
        "Basic",
        rivers,
        ["lists"],
        Front=f'Rivers that feed Lake Balkhash<img src="{stored}">',
        Back="<ul><li>Ili</li><li>Karatal</li></ul>Mostly the Ili.<br>See the map.",
    )
    add(
        "Cloze",
        capitals,
        ["history"],
        Text="Astana became the capital in {{c1::1997::a year}}, "
        "replacing {{c2::Almaty::a city}}.",
        Back_Extra="The move was announced in 1994.",
    )
    add("Cloze", capitals, [], Text="{{c1::outer {{c2::inner}} text}} is nested.")
    add("Vocab", rivers, [], Word="ئۆزەن", Meaning="river", Example="Ili ئۆزىنى")
    io = col.new_note(col.models.by_name("Image Occlusion"))  # type: ignore[arg-type]
    io["Occlusion"] = "{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.1:oi=1}}"
    io["Image"] = f'<img src="{stored}">'
    col.add_note(io, capitals)
    out = tmp_path / ("legacy.apkg" if legacy else "theirs.apkg")
    options = ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=True, legacy=legacy
    )
    col.export_anki_package(out_path=str(out), options=options, limit=None)
    col.close()
    return out

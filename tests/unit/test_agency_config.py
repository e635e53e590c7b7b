"""The agency file is checked whole: defaults build the generic site, and every
mistake names the file, the key and the reason (docs/_ext/agency_config.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from agency_config import DEFAULT, AgencyConfigError, load  # noqa: E402

CHAPTERS = ("introduction", "ethics", "cqi")
WORKSHEETS = ("gars", "roi", "lcsa")


def _load(tmp_path: Path, text: str, name: str = "agency.toml"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load(path, root=tmp_path, chapters=CHAPTERS, worksheets=WORKSHEETS)


def _lcsa_copy(tmp_path: Path, change=None) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads((ROOT / "src/toolkit_widgets/instruments/lcsa.json").read_text("utf-8"))
    data["wording"] = "original"
    data["items"][0]["text"] = "The agency's licensed wording of the first statement."
    if change:
        change(data)
    path = tmp_path / "lcsa-original.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_no_file_gives_the_generic_site(tmp_path: Path):
    assert load(tmp_path / "agency.toml", root=tmp_path, chapters=CHAPTERS, worksheets=()) == (
        DEFAULT
    )


def test_the_shipped_example_changes_nothing_while_commented_out(tmp_path: Path):
    text = (ROOT / "agency.example.toml").read_text("utf-8")
    assert _load(tmp_path, text) == DEFAULT
    assert _load(tmp_path, "") == DEFAULT


def test_a_named_file_that_is_missing_is_an_error(tmp_path: Path):
    with pytest.raises(AgencyConfigError, match=r"^north\.toml: \(file\): not found"):
        load(
            tmp_path / "north.toml",
            root=tmp_path,
            chapters=CHAPTERS,
            worksheets=WORKSHEETS,
            source="north.toml",
            required=True,
        )


#: the smallest real images of each kind the site accepts (a 1x1 PNG, headers of the others)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
IMAGES = {
    "png": PNG,
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "jpeg": b"\xff\xd8\xff\xdb\x00\x43\x00",
    "gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    "webp": b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00",
}


def test_a_full_file_is_read(tmp_path: Path):
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "logo.png").write_bytes(PNG)
    _lcsa_copy(tmp_path)
    agency = _load(
        tmp_path,
        """
        [agency]
        name = "Riverbend Children's Services"
        logo = "art/logo.png"
        [contact]
        email = "coaching@riverbend.example"
        web = "https://riverbend.example"
        [[support]]
        name = "Staff Care Line"
        kind = "eap"
        description = "Free counselling."
        contact = "555 0199"
        [[support]]
        name = "Night line"
        kind = "crisis"
        [edition]
        exclude_chapters = ["cqi"]
        exclude_worksheets = ["roi"]
        [instruments]
        lcsa = "lcsa-original.json"
        """,
    )
    assert agency.name == "Riverbend Children's Services"
    assert agency.logo == (tmp_path / "art" / "logo.png").resolve()  # from the root
    assert agency.contact.email == "coaching@riverbend.example"
    assert agency.contact.phone is None
    assert [(s.name, s.kind_label) for s in agency.support] == [
        ("Staff Care Line", "Employee assistance programme"),
        ("Night line", "Crisis line"),
    ]
    assert agency.support[1].description is None
    assert agency.exclude_chapters == {"cqi"}
    assert agency.exclude_worksheets == {"roi"}
    assert agency.instruments == {"lcsa": (tmp_path / "lcsa-original.json").resolve()}
    with pytest.raises(TypeError):
        agency.instruments["crs"] = tmp_path  # type: ignore[index]


ERRORS = [
    ("[agency]\nname = 'A'\ncolour = 'red'\n", "agency.colour", "is not a known key"),
    ("[branding]\nname = 'A'\n", "branding", "is not a known key"),
    ("[agency]\nname = ''\n", "agency.name", "must not be empty"),
    ("[agency]\nname = 3\n", "agency.name", "must be text, not a number (3)"),
    ("[agency]\nlogo = 'logo.png'\n", "agency.logo", "file 'logo.png' not found"),
    ("[agency]\nlogo = 'logo.txt'\n", "agency.logo", "must be an image"),
    ("agency = 'A'\n", "agency", "must be a table"),
    ("[contact]\nemail = 'nobody'\n", "contact.email", "must be an email address"),
    ("[contact]\nweb = 'www.x.org'\n", "contact.web", "must start with https://"),
    ("[contact]\nfax = '1'\n", "contact.fax", "is not a known key"),
    (
        "[[support]]\nname = 'A'\nkind = 'eap'\n[[support]]\nname = 'B'\nkind = 'friend'\n",
        "support[1].kind",
        "must be one of eap, supervision, crisis, other",
    ),
    ("[[support]]\nkind = 'eap'\n", "support[0].name", "is missing"),
    ("[[support]]\nname = 'A'\n", "support[0].kind", "is missing"),
    ("[[support]]\nname = 'A'\nkind = 'eap'\nurl = 'x'\n", "support[0].url", "not a known key"),
    ("support = 'EAP'\n", "support", "must be a list"),
    ("[edition]\nexclude_chapters = ['etics']\n", "edition.exclude_chapters[0]", "'etics'"),
    ("[edition]\nexclude_chapters = 'cqi'\n", "edition.exclude_chapters", "a list of names"),
    (
        "[edition]\nexclude_chapters = ['introduction', 'ethics', 'cqi']\n",
        "edition.exclude_chapters",
        "must leave at least one chapter",
    ),
    ("[edition]\nexclude_worksheets = ['gars', 'rio']\n", "edition.exclude_worksheets[1]", "rio"),
    ("[edition]\ninclude = ['gars']\n", "edition.include", "is not a known key"),
    ("[instruments]\nnope = 'x.json'\n", "instruments.nope", "no instrument has this id"),
    ("[instruments]\ngars = 'x.json'\n", "instruments.gars", "only questionnaires"),
    ("[instruments]\nlcsa = 'missing.json'\n", "instruments.lcsa", "'missing.json' not found"),
    ("[agency\nname = 'A'\n", "(file)", "is not valid TOML"),
]


@pytest.mark.parametrize(("text", "key", "reason"), ERRORS)
def test_every_mistake_names_file_key_and_reason(tmp_path: Path, text: str, key: str, reason: str):
    with pytest.raises(AgencyConfigError) as caught:
        _load(tmp_path, text)
    assert caught.value.source == "agency.toml"
    assert caught.value.key == key
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"agency.toml: {key}: ")


def test_a_replacement_with_other_item_ids_is_refused(tmp_path: Path):
    def rename_first_item(data: dict) -> None:
        data["items"][0]["id"] = "not_an_lcsa_item"

    _lcsa_copy(tmp_path, rename_first_item)
    with pytest.raises(AgencyConfigError) as caught:
        _load(tmp_path, "[instruments]\nlcsa = 'lcsa-original.json'\n")
    assert caught.value.key == "instruments.lcsa"
    assert "same item ids" in caught.value.reason
    assert "lcsa-original.json" in caught.value.reason  # the replacement file is named too


# --- an agency file is untrusted input: paths, images, lengths, characters, types ---


@pytest.mark.parametrize("suffix", sorted(IMAGES))
def test_each_kind_of_image_is_accepted_by_its_bytes(tmp_path: Path, suffix: str):
    (tmp_path / f"logo.{suffix}").write_bytes(IMAGES[suffix])
    agency = _load(tmp_path, f"[agency]\nlogo = 'logo.{suffix}'\n")
    assert agency.logo == (tmp_path / f"logo.{suffix}").resolve()


def _refusal(tmp_path: Path, text: str) -> AgencyConfigError:
    with pytest.raises(AgencyConfigError) as caught:
        _load(tmp_path, text)
    message = str(caught.value)
    assert message.startswith("agency.toml: ")
    assert "\n" not in message  # one line, always
    assert "\r" not in message
    assert len(message) < 400
    return caught.value


def test_an_svg_logo_is_refused_even_a_harmless_one(tmp_path: Path):
    (tmp_path / "logo.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "utf-8"
    )
    error = _refusal(tmp_path, "[agency]\nlogo = 'logo.svg'\n")
    assert error.key == "agency.logo"
    assert "SVG logos are refused" in error.reason
    assert "PNG" in error.reason  # says what to do instead


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "not a PNG"),
        ("logo.png", IMAGES["gif"], "not a PNG image"),  # the name must say what it is
        ("logo.jpg", PNG, "not a JPEG image"),
        ("logo.gif", b"<html><script>alert(1)</script>", "not a GIF image"),
        ("logo.webp", b"RIFF\x1a\x00\x00\x00WAVEfmt ", "not a WebP image"),
        ("logo.png", b"", "not a PNG image"),
        ("logo.png", PNG + b"\0" * (512 * 1024), "at most 524288"),
        ('lo"go.png', PNG, "only letters, digits"),  # the name goes into <img src="...">
        ("logo.txt", b"text", "must be an image"),
    ],
)
def test_a_logo_that_is_not_what_it_says_is_refused(
    tmp_path: Path, name: str, content: bytes, reason: str
):
    (tmp_path / name).write_bytes(content)
    error = _refusal(tmp_path, f"[agency]\nlogo = '{name}'\n")
    assert error.key == "agency.logo"
    assert reason in error.reason


def _outside(tmp_path: Path) -> tuple[Path, Path]:
    """A repository folder and, beside it, a folder outside it with a real PNG."""
    root, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (elsewhere / "logo.png").write_bytes(PNG)
    return root, elsewhere


@pytest.mark.parametrize("key", ["agency.logo", "instruments.lcsa"])
@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("absolute", "not an absolute path"),
        ("home", "not an absolute path"),
        ("dotdot", "must not leave the repository with '..'"),
        ("link", "leads outside the repository"),
        ("folder-link", "leads outside the repository"),
        ("backslash", "use / between folders"),
        ("folder", "is not a regular file"),
    ],
)
def test_every_path_stays_inside_the_repository(tmp_path: Path, key: str, where: str, reason):
    root, elsewhere = _outside(tmp_path)
    (elsewhere / "lcsa.json").write_bytes(
        (ROOT / "src/toolkit_widgets/instruments/lcsa.json").read_bytes()
    )
    target = elsewhere / ("logo.png" if key == "agency.logo" else "lcsa.json")
    (root / "link.png").symlink_to(target)  # e.g. branding-logo.png -> /etc/passwd
    (root / "branding").symlink_to(elsewhere, target_is_directory=True)
    (root / "dir.png").mkdir()
    value = {
        "absolute": str(target),
        "home": "~/logo.png",
        "dotdot": f"../elsewhere/{target.name}",
        "link": "link.png",
        "folder-link": f"branding/{target.name}",
        "backslash": "branding\\\\logo.png",
        "folder": "dir.png",
    }[where]
    table, name = key.split(".")
    path = root / "agency.toml"
    path.write_text(f"[{table}]\n{name} = '{value}'\n", "utf-8")
    with pytest.raises(AgencyConfigError) as caught:
        load(path, root=root, chapters=CHAPTERS, worksheets=WORKSHEETS)
    assert caught.value.key == key
    assert reason in caught.value.reason


def test_a_link_that_stays_inside_the_repository_is_followed(tmp_path: Path):
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "logo.png").write_bytes(PNG)
    (tmp_path / "logo.png").symlink_to(tmp_path / "art" / "logo.png")
    assert (
        _load(tmp_path, "[agency]\nlogo = 'logo.png'\n").logo
        == (tmp_path / "art" / "logo.png").resolve()
    )


def test_a_link_to_a_file_of_another_kind_is_refused(tmp_path: Path):
    # PNG bytes followed by a page: copied as evil.html, it would be served as HTML
    (tmp_path / "evil.html").write_bytes(PNG + b"<script>alert(1)</script>")
    (tmp_path / "logo.png").symlink_to(tmp_path / "evil.html")
    error = _refusal(tmp_path, "[agency]\nlogo = 'logo.png'\n")
    assert "links to 'evil.html', which is not a .png file" in error.reason


def test_the_system_password_file_never_becomes_a_logo(tmp_path: Path):
    (tmp_path / "branding-logo.png").symlink_to("/etc/passwd")
    error = _refusal(tmp_path, "[agency]\nlogo = 'branding-logo.png'\n")
    assert "leads outside the repository" in error.reason


#: one value per text key that breaks a rule, and the words of the refusal
TEXT_RULES = [
    ("agency", "name", "A" * 151, "151 characters long; at most 150"),
    ("agency", "name", "River\nbend", "must be one line"),
    ("agency", "name", "River\rbend", "must be one line"),
    ("agency", "name", "River\x00bend", "control character U+0000"),
    ("agency", "name", "River\x1bbend", "control character U+001B"),
    ("agency", "name", "River\u202ebend", "control character U+202E"),  # reverses text
    ("agency", "name", "   ", "must not be empty"),
    ("contact", "name", "T" * 151, "at most 150"),
    ("contact", "phone", "5" * 81, "at most 80"),
    ("contact", "phone", "555\t0100", "control character U+0009"),
    ("contact", "email", "a" * 250 + "@x.example", "at most 254"),
    ("contact", "email", "a@b@c.example", "must be an email address"),
    ("contact", "email", '"><script>@x.example', "must be an email address"),
    ("contact", "web", "https://x.example/ page", "must be a web address"),
    ("contact", "web", 'https://x.example/"onmouseover="alert(1)', "must be a web address"),
    ("contact", "web", "javascript:alert(1)", "must start with https://"),
    ("contact", "web", "https://x.example/" + "a" * 500, "at most 500"),
]


@pytest.mark.parametrize(("table", "key", "value", "reason"), TEXT_RULES)
def test_every_text_has_a_length_and_character_limit(tmp_path: Path, table, key, value, reason):
    text = f"[{table}]\n{key} = {json.dumps(value)}\n"
    error = _refusal(tmp_path, text)
    assert error.key == f"{table}.{key}"
    assert reason in error.reason


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("name", "N" * 151, "at most 150"),
        ("name", "Staff\nCare", "must be one line"),
        ("description", "D" * 1001, "at most 1000"),
        ("description", "Line one\x07", "control character U+0007"),
        ("contact", "5" * 255, "at most 254"),
        ("contact", "555\n0199", "must be one line"),
    ],
)
def test_support_texts_have_limits_too(tmp_path: Path, key: str, value: str, reason: str):
    entry = {"name": "Staff Care Line", "kind": "eap", key: value}
    lines = "".join(f"{k} = {json.dumps(v)}\n" for k, v in entry.items())
    error = _refusal(tmp_path, f"[[support]]\n{lines}")
    assert error.key == f"support[0].{key}"
    assert reason in error.reason


def test_a_description_may_span_lines_and_markup_is_left_for_the_site_to_escape(tmp_path):
    agency = _load(
        tmp_path,
        '[agency]\nname = "A & B <North>"\n'
        '[[support]]\nname = "Line"\nkind = "eap"\n'
        'description = """Day and night.\nFree for staff."""\n',
    )
    assert agency.name == "A & B <North>"
    assert agency.support[0].description == "Day and night.\nFree for staff."


def test_a_five_megabyte_name_is_refused_before_it_is_parsed(tmp_path: Path):
    error = _refusal(tmp_path, f'[agency]\nname = "{"A" * 5_000_000}"\n')
    assert error.key == "(file)"
    assert "at most 262144" in error.reason


#: every key of the file with the type it expects; each other TOML type is refused
KEYS = [
    ("[agency]", "name"),
    ("[agency]", "logo"),
    ("[contact]", "name"),
    ("[contact]", "email"),
    ("[contact]", "phone"),
    ("[contact]", "web"),
    ("[[support]]\nkind = 'eap'", "name"),
    ("[[support]]\nname = 'A'", "kind"),
    ("[[support]]\nname = 'A'\nkind = 'eap'", "description"),
    ("[[support]]\nname = 'A'\nkind = 'eap'", "contact"),
    ("[instruments]", "lcsa"),
]
WRONG = ["3", "2.5", "true", "[1, 2]", "['a']", "{ a = 1 }", "1979-05-27", "07:32:00", "inf"]


@pytest.mark.parametrize("wrong", WRONG)
@pytest.mark.parametrize(("table", "key"), KEYS)
def test_a_value_of_the_wrong_type_gets_a_one_line_message(tmp_path, table, key, wrong):
    error = _refusal(tmp_path, f"{table}\n{key} = {wrong}\n")
    assert error.key.endswith(key)
    assert error.reason.startswith("must be text, not ")


@pytest.mark.parametrize(
    "text",
    [
        "agency = [1]\n",
        "contact = 3\n",
        "support = [1]\n",
        "support = { name = 'A' }\n",
        "edition = 'cqi'\n",
        "[edition]\nexclude_chapters = [1]\n",
        "[edition]\nexclude_worksheets = { a = 1 }\n",
        "instruments = ['lcsa']\n",
        '"na\\nme" = 1\n',
        '[instruments]\n"lc\\nsa" = "x.json"\n',
        '[edition]\nexclude_chapters = ["\\u0000' + "x" * 300 + '"]\n',
    ],
)
def test_a_table_or_list_of_the_wrong_shape_gets_a_one_line_message(tmp_path, text):
    _refusal(tmp_path, text)


def test_a_file_that_is_not_regular_is_refused(tmp_path: Path):
    (tmp_path / "folder.toml").mkdir()
    with pytest.raises(AgencyConfigError, match=r"^folder\.toml: \(file\): is not a regular"):
        load(tmp_path / "folder.toml", root=tmp_path, chapters=CHAPTERS, worksheets=())


def test_a_huge_instrument_file_is_refused_before_it_is_read(tmp_path: Path):
    (tmp_path / "lcsa.json").write_bytes(b" " * (1024 * 1024 + 1))
    error = _refusal(tmp_path, "[instruments]\nlcsa = 'lcsa.json'\n")
    assert error.key == "instruments.lcsa"
    assert "at most 1048576" in error.reason

"""The English catalogue is complete, compiled, and served when the user picks English."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES[m.group(1)], text[1:-1])


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file as dicts: msgid, msgid_plural, msgstr (index → text), flags; obsolete ones skipped."""
    entries, entry, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip() or line.startswith("#~"):
            if entry and entry.get("msgid") is not None and not line.startswith("#~"):
                entries.append(entry)
                entry = None
            continue
        if entry is None:
            entry = {"flags": set(), "msgid": None, "msgid_plural": None, "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := re.match(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line):
            name, index, text = match.groups()
            key = ("msgstr", int(index or 0)) if name == "msgstr" else name
            if name == "msgstr":
                entry["msgstr"][int(index or 0)] = _unquote(text)
            else:
                entry[name] = _unquote(text)
        elif line.startswith('"'):
            if isinstance(key, tuple):
                entry["msgstr"][key[1]] += _unquote(line)
            else:
                entry[key] += _unquote(line)
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


@pytest.fixture(scope="module")
def entries():
    return read_po(CATALOGUE / "django.po")


def test_english_catalogue_has_no_untranslated_or_fuzzy_entries(entries):
    assert len(entries) > 500
    untranslated = [e["msgid"] for e in entries if not e["msgstr"] or not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_english_translations_keep_every_placeholder_of_the_vietnamese_text(entries):
    broken = []
    for e in entries:
        sources = [e["msgid"]] + ([e["msgid_plural"]] * (len(e["msgstr"]) - 1) if e["msgid_plural"] else [])
        for source, translation in zip(sources, e["msgstr"].values(), strict=True):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                broken.append((source, translation))
    assert broken == []


def test_compiled_catalogue_matches_the_po_file(entries):
    # Comparing contents rather than file times: a git checkout gives both files arbitrary times.
    mo_path, po_path = CATALOGUE / "django.mo", CATALOGUE / "django.po"
    assert mo_path.exists(), "run msgfmt --check -o django.mo django.po"
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for e in entries:
        if e["msgid_plural"]:
            got = [compiled.ngettext(e["msgid"], e["msgid_plural"], n) for n in (1, 2)]
            want = [e["msgstr"][0], e["msgstr"][1]]
        else:
            got, want = compiled.gettext(e["msgid"]), e["msgstr"][0]
        if got != want:
            stale.append(e["msgid"])
    assert stale == [], "django.mo is older than django.po: recompile it"
    assert mo_path.stat().st_size > 0 and po_path.stat().st_size > 0


def test_home_page_speaks_vietnamese_by_default(client, world):
    client.force_login(world.alice, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(reverse("core:home")).content.decode()
    assert '<html lang="vi">' in html
    assert "Văn bản phối hợp đang hiệu lực" in html
    assert "Đăng xuất" in html
    assert "Coordination agreements in force" not in html


def test_home_page_speaks_english_when_the_language_cookie_says_en(client, world):
    client.force_login(world.alice, backend="django.contrib.auth.backends.ModelBackend")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("core:home")).content.decode()
    assert '<html lang="en">' in html
    assert "Coordination agreements in force" in html
    assert "Log out" in html
    assert "Văn bản phối hợp đang hiệu lực" not in html


def test_login_page_follows_the_language_cookie(client, db):
    assert "<h1>Đăng nhập</h1>" in client.get(reverse("accounts:login")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("accounts:login")).content.decode()
    assert "<h1>Log in</h1>" in html
    assert "Password" in html


def test_language_switcher_turns_the_interface_english_and_back(client, world):
    client.force_login(world.alice, backend="django.contrib.auth.backends.ModelBackend")
    home = reverse("core:home")
    response = client.post(reverse("set_language"), {"language": "en", "next": home})
    assert response.status_code == 302
    assert "Coordination agreements in force" in client.get(home).content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": home})
    assert "Văn bản phối hợp đang hiệu lực" in client.get(home).content.decode()

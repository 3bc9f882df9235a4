"""The pack catalogue: the shipped file's facts, and the checks on a hand-written one."""

from __future__ import annotations

import pytest

from tarjama.core.errors import PackError
from tarjama.core.packs.catalogue import (
    CATALOGUE_ENV,
    bundled_catalogue_path,
    load_catalogue,
)


@pytest.fixture
def shipped():
    if bundled_catalogue_path() is None:
        pytest.skip("models/catalogue.toml is not beside this copy of tarjama")
    return load_catalogue(bundled_catalogue_path())


def test_shipped_catalogue_has_one_permissive_installable_default(shipped):
    default = shipped.default()
    assert default is not None
    assert default.name == "opus-mt-tc-big-ar-en"
    assert default.can_install
    assert not default.non_commercial
    assert sum(entry.default for entry in shipped.entries) == 1


@pytest.mark.parametrize(
    ("name", "licence", "testset", "bleu", "chrf"),
    [
        ("opus-mt-tc-big-ar-en", "CC-BY-4.0", "FLORES-200 devtest", 42.8, 0.672),
        ("nllb-200-distilled-600m", "CC-BY-NC-4.0", "FLORES-200 devtest", 37.6, 0.630),
        ("nllb-200-distilled-1.3b", "CC-BY-NC-4.0", "FLORES-200 devtest", 41.3, 0.661),
        ("opus-mt-ar-en", "Apache-2.0", "FLORES-101 devtest", 33.9, None),
    ],
)
def test_shipped_catalogue_publishes_quality_and_licence(shipped, name, licence, testset, bleu,
                                                         chrf):
    entry = shipped.get(name)
    assert entry is not None
    assert entry.licence == licence
    assert entry.non_commercial == licence.startswith("CC-BY-NC")
    figure = entry.quality[0]
    assert (figure.testset, figure.bleu, figure.chrf) == (testset, bleu, chrf)


def test_nllb_is_listed_but_not_installable(shipped):
    for name in ("nllb-200-distilled-600m", "nllb-200-distilled-1.3b"):
        entry = shipped.get(name)
        assert not entry.can_install
        assert "language tokens" in entry.why_not_installable()


@pytest.mark.parametrize(
    ("name", "family", "licence", "non_commercial"),
    [
        ("opus-mt-tc-big-ar-en", "marian", "CC-BY-4.0", False),
        ("argos-ar-en", "marian", "not stated", False),
        ("nllb-200-distilled-600m", "nllb", "CC-BY-NC-4.0", True),
        ("m2m100-418m", "m2m100", "MIT", False),
        ("madlad400-3b-mt", "madlad", "Apache-2.0", False),
    ],
)
def test_shipped_catalogue_names_each_family_and_flags_nllb(shipped, name, family, licence,
                                                            non_commercial):
    entry = shipped.get(name)
    assert (entry.family, entry.licence, entry.non_commercial) == (family, licence,
                                                                   non_commercial)
    assert entry.download_mb  # sizes, approximate, for the list
    assert entry.installed_mb
    assert entry.to_dict()["family"] == family
    if family != "marian":
        assert not entry.can_install
        assert "ct2-transformers-converter" in entry.why_not_installable()
        assert all(f.sha256 is None for f in entry.files)  # nothing invented


def test_shipped_catalogue_covers_every_install_kind_and_real_hosts(shipped):
    kinds = {entry.install for entry in shipped.entries if entry.can_install}
    assert kinds >= {"marian", "hf-marian", "argos"}
    hosts = {f.url.split("/")[2] for entry in shipped.entries for f in entry.files}
    assert {"huggingface.co", "object.pouta.csc.fi", "argos-net.com"} <= hosts


def test_environment_variable_chooses_the_catalogue(tmp_path, monkeypatch):
    path = tmp_path / "mine.toml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv(CATALOGUE_ENV, str(path))
    catalogue = load_catalogue()
    assert catalogue.path == path
    assert catalogue.names() == ["test-pack"]
    assert catalogue.get("test-pack").files[0].sha256 == "ab" * 32
    assert catalogue.get("test-pack").download_bytes == 2_000_000


GOOD = """
[[pack]]
name = "test-pack"
description = "d"
architecture = "a"
licence = "MIT"
install = "ctranslate2"
download_mb = 2
[[pack.files]]
url = "http://127.0.0.1:1/p.zip"
sha256 = "ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB"
"""

ENTRY = """
[[pack]]
name = "{name}"
description = "d"
architecture = "a"
licence = "MIT"
install = "{install}"
default = {default}
non_commercial = {non_commercial}
[[pack.files]]
url = "{url}"
sha256 = "{sha256}"
"""


def entry(name="p", install="ctranslate2", default="false", non_commercial="false",
          url="https://example.org/p.zip", sha256=""):
    return ENTRY.format(name=name, install=install, default=default,
                        non_commercial=non_commercial, url=url, sha256=sha256)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("pack = [", "is not valid TOML"),
        (entry(name="../evil"), "invalid name"),
        (entry(install="magic"), "unknown install method 'magic'"),
        (entry(url="ftp://example.org/p.zip"), "only http and https URLs"),
        (entry(sha256="1234"), "is not 64 hexadecimal digits"),
        (entry(default="true", non_commercial="true"), "must be installable and permissive"),
        (entry() + entry(), "pack names appear twice: p"),
        (entry(name="a", default="true") + entry(name="b", default="true"),
         "more than one pack is marked default"),
        ('[[pack]]\nname = "x"\ninstall = "argos"\n', "needs at least one [[pack.files]] url"),
        (entry().replace("install =", 'family = "gpt"\ninstall ='), "unknown model family 'gpt'"),
        ('[[pack]]\nname = "x"\ninstall = "argos"\n[[pack.files]]\nurl = "https://a.b/c"\n',
         "'description' must be a non-empty text"),
    ],
)
def test_bad_catalogues_are_refused_with_a_reason(tmp_path, text, message):
    path = tmp_path / "catalogue.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match=r"catalogue|pack") as caught:
        load_catalogue(path)
    assert message in str(caught.value)


def test_missing_catalogue_file_is_a_pack_error(tmp_path):
    with pytest.raises(PackError, match="pack catalogue not found"):
        load_catalogue(tmp_path / "nope.toml")

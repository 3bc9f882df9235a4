"""Installing packs for real: folders, archives, URLs, catalogue names, Marian checkpoints.

Each install loads the random-weight fixture pack with CTranslate2 and translates a
sentence with it. Failures must leave the packs folder exactly as it was.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import threading
from pathlib import Path

import pytest

from pack_server import PackServer, make_marian_checkpoint, tar_folder, zip_folder
from tarjama.core.errors import Cancelled, DownloadError, PackError
from tarjama.core.packs import default_pack_name, installed_packs, load_pack
from tarjama.core.packs.catalogue import load_catalogue
from tarjama.core.packs.download import DownloadOptions
from tarjama.core.packs.install import (
    NOT_VERIFIED,
    install_pack,
    remove_pack,
    set_default_pack,
    temp_area,
)
from tarjama.core.paths import packs_dir

FAST = DownloadOptions(timeout=0.5, retries=2, backoff=0.0)


@pytest.fixture(scope="session")
def argos_pack(tmp_path_factory) -> Path:
    from tarjama.devtools.fixture_pack import build_pack

    return build_pack(tmp_path_factory.mktemp("argos") / "translate-ar_en-fixture",
                      size="tiny", layout="argos")


@pytest.fixture
def server():
    with PackServer() as running:
        yield running


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its content."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers() -> list[str]:
    """Work folders an install left in the temporary area (downloads are allowed)."""
    area = temp_area()
    return [p.name for p in area.iterdir() if p.name != "downloads"] if area.exists() else []


def write_catalogue(tmp_path: Path, url: str, sha256: str = "", install: str = "ctranslate2",
                    extra: str = "") -> Path:
    path = tmp_path / "catalogue.toml"
    path.write_text(f"""
[[pack]]
name = "served-pack"
description = "a fixture pack served from 127.0.0.1"
architecture = "tiny transformer"
licence = "CC-BY-4.0"
install = "{install}"
version = "7"
homepage = "https://example.org/served-pack"
download_mb = 1
installed_mb = 1
[[pack.files]]
url = "{url}"
sha256 = "{sha256}"
[[pack.quality]]
testset = "FLORES-200 devtest"
bleu = 1.5
chrf = 0.2
source = "made up for a test"
{extra}
""", encoding="utf-8")
    return path


def test_install_from_folder_copies_proves_and_becomes_default(tiny_pack):
    before = snapshot(tiny_pack)
    steps = []
    result = install_pack(str(tiny_pack), status=steps.append)
    assert result.name == "fixture-tiny"  # from the pack's own pack.json
    assert result.path == packs_dir() / "fixture-tiny"
    assert result.made_default
    assert default_pack_name() == "fixture-tiny"
    assert snapshot(tiny_pack) == before  # the source is never modified
    metadata = json.loads((result.path / "pack.json").read_text(encoding="utf-8"))
    assert metadata["installed_from"] == str(tiny_pack.resolve())
    assert metadata["licence"] == "test fixture"
    assert load_pack(result.path).info.name == "fixture-tiny"
    assert "checking that the model loads and translates" in steps
    assert leftovers() == []


def test_second_install_keeps_the_default_and_replace_swaps(tiny_pack):
    install_pack(str(tiny_pack))
    second = install_pack(str(tiny_pack), name="other")
    assert not second.made_default
    assert default_pack_name() == "fixture-tiny"
    again = install_pack(str(tiny_pack), name="other", make_default=True)
    assert again.replaced
    assert default_pack_name() == "other"
    assert sorted(p.path.name for p in installed_packs()) == ["fixture-tiny", "other"]


def test_install_argos_package_from_a_usb_stick_file(argos_pack, tmp_path):
    archive = zip_folder(argos_pack, tmp_path / "translate-ar_en-1_0.argosmodel",
                         top="translate-ar_en-1_0")
    result = install_pack(str(archive))
    pack = load_pack(result.path)
    assert pack.layout == "argos"
    assert result.name == "fixture-tiny"
    assert pack.info.licence == "test fixture"  # carried over from metadata.json
    assert archive.exists()  # the user's file is left alone


def test_install_tar_gz_archive(tiny_pack, tmp_path):
    archive = tar_folder(tiny_pack, tmp_path / "pack.tar.gz", top="somepack")
    result = install_pack(str(archive), name="from-tar")
    assert load_pack(result.path).layout == "opus-mt"


def test_install_from_url_with_and_without_checksum(tiny_pack, tmp_path, server):
    data = zip_folder(tiny_pack, tmp_path / "p.zip", top="p").read_bytes()
    url = server.add("/p.zip", data)
    result = install_pack(url, name="checked", sha256=hashlib.sha256(data).hexdigest(),
                          download_options=FAST)
    assert result.notes == ()
    metadata = json.loads((result.path / "pack.json").read_text(encoding="utf-8"))
    assert metadata["downloads"][0]["verified"] is True
    unverified = install_pack(url, name="unchecked", download_options=FAST)
    assert unverified.notes == (f"p.zip: {NOT_VERIFIED}",)
    assert leftovers() == []
    assert not any((temp_area() / "downloads").iterdir())  # finished downloads are consumed


def test_install_catalogue_name_resumes_an_interrupted_download(tiny_pack, tmp_path, server):
    data = zip_folder(tiny_pack, tmp_path / "p.zip").read_bytes()
    url = server.add("/served.zip", data, mode="interrupt")
    catalogue = load_catalogue(write_catalogue(tmp_path, url, hashlib.sha256(data).hexdigest()))
    seen = []
    result = install_pack("served-pack", catalogue=catalogue, download_options=FAST,
                          progress=lambda done, total: seen.append((done, total)))
    assert result.name == "served-pack"
    assert server.ranges_requested("/served.zip")[1] == f"bytes={len(data) // 2}-"
    assert seen[-1] == (len(data), len(data))
    metadata = json.loads((result.path / "pack.json").read_text(encoding="utf-8"))
    assert metadata["catalogue_entry"] == "served-pack"
    assert metadata["licence"] == "CC-BY-4.0"
    assert metadata["version"] == "7"
    assert metadata["quality"][0]["bleu"] == 1.5


def test_install_marian_checkpoint_is_converted(tiny_pack, tmp_path, server):
    checkpoint = make_marian_checkpoint(tiny_pack, tmp_path / "opus-2019-12-18")
    from_folder = install_pack(str(checkpoint))
    assert from_folder.name == "opus-2019-12-18"
    pack = load_pack(from_folder.path)
    assert (pack.path / "model.bin").is_file()
    assert (pack.path / "source.spm").read_bytes() == (tiny_pack / "source.spm").read_bytes()
    # The catalogue's default pack is an OPUS-MT zip like this one.
    url = server.add("/opus.zip", zip_folder(checkpoint, tmp_path / "opus.zip").read_bytes())
    catalogue = load_catalogue(write_catalogue(tmp_path, url, install="marian"))
    assert install_pack("served-pack", catalogue=catalogue, download_options=FAST).path.is_dir()


def test_huggingface_checkpoint_without_transformers_says_what_to_install(tiny_pack, tmp_path):
    if importlib.util.find_spec("transformers") and importlib.util.find_spec("torch"):
        pytest.skip("transformers and torch are installed: the missing-package message is moot")
    folder = tmp_path / "hf"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    (folder / "pytorch_model.bin").write_bytes(b"weights")
    for name in ("source.spm", "target.spm"):
        shutil.copy2(tiny_pack / name, folder / name)
    with pytest.raises(PackError, match=r"needs the Python packages transformers.*pip install"):
        install_pack(str(folder))
    assert leftovers() == []


def broken_copy(pack: Path, tmp_path: Path, how: str) -> Path:
    copy = shutil.copytree(pack, tmp_path / f"broken-{how}")
    if how == "no-model":
        (copy / "model.bin").unlink()
    elif how == "garbage-model":
        (copy / "model.bin").write_bytes(b"not a model" * 100)
    elif how == "french":
        info = json.loads((copy / "pack.json").read_text(encoding="utf-8"))
        (copy / "pack.json").write_text(json.dumps({**info, "source_language": "fr"}),
                                        encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("how", "error", "message"),
    [
        ("no-model", PackError, "model.bin is missing"),
        ("garbage-model", PackError, "the pack's model does not work"),
        ("french", PackError, "Tarjama needs an Arabic to English"),
    ],
)
def test_failed_install_leaves_the_previous_pack_untouched(tiny_pack, tmp_path, how, error,
                                                          message):
    install_pack(str(tiny_pack), name="mine")
    before = snapshot(packs_dir() / "mine")
    with pytest.raises(error, match=message):
        install_pack(str(broken_copy(tiny_pack, tmp_path, how)), name="mine")
    assert snapshot(packs_dir() / "mine") == before
    assert leftovers() == []
    assert [p.path.name for p in installed_packs()] == ["mine"]


def test_download_failures_leave_nothing(tiny_pack, tmp_path, server):
    data = zip_folder(tiny_pack, tmp_path / "p.zip").read_bytes()
    url = server.add("/p.zip", data)
    catalogue = load_catalogue(write_catalogue(tmp_path, url, "0" * 64))
    with pytest.raises(DownloadError, match="checksum mismatch") as caught:
        install_pack("served-pack", catalogue=catalogue, download_options=FAST)
    assert caught.value.exit_code == 5
    with pytest.raises(DownloadError, match="answered 404"):
        install_pack(server.url("/missing.zip"), download_options=FAST)
    assert leftovers() == []
    downloads = temp_area() / "downloads"
    assert not downloads.exists() or not any(downloads.iterdir())
    assert not (packs_dir() / "served-pack").exists()


def test_malicious_archive_from_the_server_is_refused(tmp_path, server):
    import zipfile

    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as bundle:
        bundle.writestr("model.bin", b"x")
        bundle.writestr("../../escaped.txt", b"gotcha")
    url = server.add("/evil.zip", evil.read_bytes())
    with pytest.raises(PackError, match="points outside the pack folder"):
        install_pack(url, download_options=FAST)
    assert not list(packs_dir().parent.rglob("escaped.txt"))
    assert leftovers() == []


def test_cancelled_download_keeps_only_the_part_file(tiny_pack, tmp_path, server):
    data = zip_folder(tiny_pack, tmp_path / "p.zip").read_bytes()
    url = server.add("/p.zip", data)
    cancel = threading.Event()
    options = DownloadOptions(timeout=0.5, retries=0, chunk_size=1024)
    with pytest.raises(Cancelled):
        install_pack(url, download_options=options, cancel=cancel,
                     progress=lambda done, _total: done > 0 and cancel.set())
    assert leftovers() == []
    # The .part file and the server's ETag that lets it resume.
    kept = sorted(p.name.split(".", 1)[1] for p in (temp_area() / "downloads").iterdir())
    assert kept == ["zip.part", "zip.part.validator"]
    # The next attempt resumes where the cancelled one stopped.
    install_pack(url, name="resumed", download_options=FAST)
    assert server.ranges_requested("/p.zip")[-1].startswith("bytes=")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("no-such-pack", "not a file, a folder, an http\\(s\\) URL or a pack in the catalogue"),
        ("nllb-200-distilled-600m", "cannot be installed yet: NLLB needs language tokens"),
    ],
)
def test_catalogue_names_that_cannot_install(spec, message):
    if load_catalogue().get("nllb-200-distilled-600m") is None:
        pytest.skip("the shipped catalogue is not beside this copy of tarjama")
    with pytest.raises(PackError, match=message):
        install_pack(spec)


def test_remove_and_default(tiny_pack):
    install_pack(str(tiny_pack), name="one")
    install_pack(str(tiny_pack), name="two")
    assert default_pack_name() == "one"
    set_default_pack("two")
    assert default_pack_name() == "two"
    removed = remove_pack("two")
    assert not removed.exists()
    assert default_pack_name() is None  # the default was removed: no stale name is kept
    assert [p.path.name for p in installed_packs()] == ["one"]
    assert leftovers() == []


@pytest.mark.parametrize(
    ("action", "name", "message"),
    [
        (remove_pack, "ghost", "no installed pack is called 'ghost'"),
        (set_default_pack, "ghost", "no installed pack is called 'ghost'"),
        (remove_pack, "../etc", "cannot be a pack name"),
        (set_default_pack, ".tmp", "cannot be a pack name"),
    ],
)
def test_remove_and_default_refuse_unknown_names(action, name, message):
    with pytest.raises(PackError, match=message):
        action(name)


def test_bad_name_option_is_refused_before_any_work(tiny_pack):
    with pytest.raises(PackError, match="cannot be a pack name"):
        install_pack(str(tiny_pack), name="a/b")
    assert not packs_dir().exists() or leftovers() == []

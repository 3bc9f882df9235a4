"""The catalogue of known translation packs (``models/catalogue.toml``).

The catalogue is a human-readable TOML file. It says where each pack's files come
from, how they become a pack (ready CTranslate2 files, an Argos package, or a Marian
checkpoint to convert), its licence and its published quality. Which file is read:
an explicit path, else ``$TARJAMA_CATALOGUE``, else the catalogue shipped with Tarjama.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.errors import PackError
from tarjama.core.packs.family import FAMILY_NAMES, MARIAN

CATALOGUE_ENV = "TARJAMA_CATALOGUE"
INSTALL_METHODS = frozenset({"ctranslate2", "argos", "marian", "hf-marian", "hf-nllb",
                             "hf-m2m100", "hf-madlad"})
# The methods Tarjama can turn into a pack; others are listed for information only.
INSTALLABLE_METHODS = frozenset({"ctranslate2", "argos", "marian", "hf-marian"})
PACK_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class CatalogueFile:
    """One file to download; ``sha256`` is None when no checksum is published."""

    url: str
    sha256: str | None = None
    path: str = ""  # file name inside the download folder; defaults to the URL's last part

    @property
    def file_name(self) -> str:
        return self.path or self.url.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class QualityFigure:
    """A published score; ``chrf`` on the 0-1 scale. Not measured by Tarjama."""

    testset: str
    bleu: float | None = None
    chrf: float | None = None
    source: str = ""

    def describe(self) -> str:
        parts = []
        if self.bleu is not None:
            parts.append(f"BLEU {self.bleu:.1f}")
        if self.chrf is not None:
            parts.append(f"chrF {self.chrf:.3f}")
        text = f"{self.testset}: {' / '.join(parts) or 'no score'}"
        return f"{text} ({self.source})" if self.source else text


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    description: str
    architecture: str
    licence: str
    install: str
    files: tuple[CatalogueFile, ...]
    source_language: str = "ar"
    target_language: str = "en"
    family: str = MARIAN  # the model family (core/packs/family.py): its special tokens
    non_commercial: bool = False
    default: bool = False
    installable: bool = True
    reason: str = ""
    homepage: str = ""
    attribution: str = ""
    version: str = ""
    download_mb: int | None = None
    installed_mb: int | None = None
    quality: tuple[QualityFigure, ...] = ()

    @property
    def can_install(self) -> bool:
        return self.installable and self.install in INSTALLABLE_METHODS

    @property
    def download_bytes(self) -> int | None:
        return self.download_mb * 1_000_000 if self.download_mb else None

    def why_not_installable(self) -> str:
        if self.reason:
            return self.reason
        return f"Tarjama cannot install packs of kind {self.install!r} yet"

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "description": self.description,
            "architecture": self.architecture,
            "source_language": self.source_language,
            "target_language": self.target_language,
            "family": self.family,
            "licence": self.licence,
            "non_commercial": self.non_commercial,
            "default": self.default,
            "install": self.install,
            "installable": self.can_install,
            "reason": "" if self.can_install else self.why_not_installable(),
            "homepage": self.homepage,
            "attribution": self.attribution,
            "version": self.version,
            "download_mb_approx": self.download_mb,
            "installed_mb_approx": self.installed_mb,
            "files": [{"url": f.url, "sha256": f.sha256} for f in self.files],
            "quality": [
                {"testset": q.testset, "bleu": q.bleu, "chrf": q.chrf, "source": q.source}
                for q in self.quality
            ],
        }


@dataclass(frozen=True)
class Catalogue:
    path: Path
    entries: tuple[CatalogueEntry, ...]

    def names(self) -> list[str]:
        return [entry.name for entry in self.entries]

    def get(self, name: str) -> CatalogueEntry | None:
        for entry in self.entries:
            if entry.name == name:
                return entry
        return None

    def default(self) -> CatalogueEntry | None:
        return next((entry for entry in self.entries if entry.default), None)


def bundled_catalogue_path() -> Path | None:
    """The catalogue shipped with Tarjama: ``models/catalogue.toml`` in a source checkout,
    or ``tarjama/resources/catalogue.toml`` in an installed copy."""
    here = Path(__file__).resolve()
    candidates = (
        here.parents[4] / "models" / "catalogue.toml",
        here.parents[2] / "resources" / "catalogue.toml",
    )
    return next((path for path in candidates if path.is_file()), None)


def catalogue_path(path: str | Path | None = None) -> Path:
    if path:
        return Path(path).expanduser()
    override = os.environ.get(CATALOGUE_ENV)
    if override:
        return Path(override).expanduser()
    bundled = bundled_catalogue_path()
    if bundled is None:
        raise PackError(
            "the pack catalogue (catalogue.toml) is missing from this installation; "
            f"give one with --catalogue FILE or ${CATALOGUE_ENV}"
        )
    return bundled


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read and check a catalogue; any mistake in it raises PackError naming the file."""
    source = catalogue_path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PackError(f"pack catalogue not found: {source}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read the pack catalogue {source}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"the pack catalogue {source} is not valid TOML: {exc}") from exc

    raw_packs = data.get("pack", [])
    if not isinstance(raw_packs, list):
        raise PackError(f"{source.name}: 'pack' must be a list of [[pack]] tables")
    entries = tuple(_parse_entry(raw, source.name, index) for index, raw in enumerate(raw_packs))
    names = [entry.name for entry in entries]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise PackError(f"{source.name}: pack names appear twice: {', '.join(duplicates)}")
    if sum(entry.default for entry in entries) > 1:
        raise PackError(f"{source.name}: more than one pack is marked default")
    return Catalogue(path=source, entries=entries)


def _parse_entry(raw: object, file_name: str, index: int) -> CatalogueEntry:
    where = f"{file_name}, pack #{index + 1}"
    if not isinstance(raw, dict):
        raise PackError(f"{where}: expected a [[pack]] table")
    name = raw.get("name")
    if not isinstance(name, str) or not PACK_NAME.match(name):
        raise PackError(f"{where}: missing or invalid name {name!r}")
    where = f"{file_name}, pack {name!r}"

    def text(key: str, default: str | None = None) -> str:
        value = raw.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise PackError(f"{where}: '{key}' must be a non-empty text")
        return value

    install = text("install")
    if install not in INSTALL_METHODS:
        known = ", ".join(sorted(INSTALL_METHODS))
        raise PackError(f"{where}: unknown install method {install!r} (known: {known})")
    files = tuple(_parse_file(item, where) for item in raw.get("files", []))
    installable = bool(raw.get("installable", True))
    if installable and not files:
        raise PackError(f"{where}: an installable pack needs at least one [[pack.files]] url")
    non_commercial = bool(raw.get("non_commercial", False))
    default = bool(raw.get("default", False))
    if default and (non_commercial or not installable):
        raise PackError(f"{where}: the default pack must be installable and permissive")
    family = text("family", MARIAN)
    if family not in FAMILY_NAMES:
        raise PackError(f"{where}: unknown model family {family!r} "
                        f"(known: {', '.join(FAMILY_NAMES)})")
    return CatalogueEntry(
        name=name,
        description=text("description"),
        architecture=text("architecture"),
        licence=text("licence"),
        install=install,
        files=files,
        source_language=text("source_language", "ar"),
        target_language=text("target_language", "en"),
        family=family,
        non_commercial=non_commercial,
        default=default,
        installable=installable,
        reason=text("reason", ""),
        homepage=text("homepage", ""),
        attribution=text("attribution", ""),
        version=text("version", ""),
        download_mb=_optional_int(raw.get("download_mb"), where, "download_mb"),
        installed_mb=_optional_int(raw.get("installed_mb"), where, "installed_mb"),
        quality=tuple(_parse_quality(item, where) for item in raw.get("quality", [])),
    )


def _parse_file(raw: object, where: str) -> CatalogueFile:
    if not isinstance(raw, dict) or not isinstance(raw.get("url"), str):
        raise PackError(f"{where}: each [[pack.files]] needs a url")
    url = raw["url"]
    if not url.startswith(("https://", "http://")):
        raise PackError(f"{where}: only http and https URLs can be downloaded, not {url!r}")
    sha256 = str(raw.get("sha256") or "").strip().lower() or None
    if sha256 is not None and not _SHA256.match(sha256):
        raise PackError(f"{where}: sha256 of {url} is not 64 hexadecimal digits")
    path = str(raw.get("path") or "")
    if "/" in path or "\\" in path or path.startswith("."):
        raise PackError(f"{where}: file path {path!r} must be a plain file name")
    return CatalogueFile(url=url, sha256=sha256, path=path)


def _parse_quality(raw: object, where: str) -> QualityFigure:
    if not isinstance(raw, dict) or not isinstance(raw.get("testset"), str):
        raise PackError(f"{where}: each [[pack.quality]] needs a testset")
    scores = {}
    for key in ("bleu", "chrf"):
        value = raw.get(key)
        if value is not None and not isinstance(value, int | float):
            raise PackError(f"{where}: quality '{key}' must be a number")
        scores[key] = float(value) if value is not None else None
    return QualityFigure(testset=raw["testset"], source=str(raw.get("source", "")), **scores)


def _optional_int(value: object, where: str, key: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or value < 0:
        raise PackError(f"{where}: '{key}' must be a whole number of megabytes")
    return value

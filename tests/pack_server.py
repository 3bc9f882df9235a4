"""A local HTTP server on 127.0.0.1 for download tests, with ways to misbehave.

    with PackServer() as server:
        url = server.add("/good.zip", data)                     # honours Range
        url = server.add("/cut.zip", data, mode="interrupt")    # first answer stops halfway
        url = server.add("/slow.zip", data, mode="slow", delay=2.0)
        url = server.add("/bare.zip", data, validators=False)   # no ETag to resume with
        server.requests                                          # (path, Range header) log

Modes:
    "ok"         200 with the whole body, or 206 for a Range request
    "interrupt"  the first request sends half the body then drops the connection;
                 later ones behave like "ok" (so a resume with Range succeeds)
    "no-range"   ignores Range and always sends the whole body with 200
    "slow"       waits ``delay`` seconds before answering (longer than the client timeout)
    "stall"      sends the headers and a few bytes, then waits ``delay`` seconds
    "drip"       sends the status line and headers one byte every ``delay`` seconds:
                 each read is quick, the whole answer slow (then the body at once)
    "error"      answers 503 ``failures`` times, then behaves like "ok"
Unknown paths get 404. Every answer carries an ETag made from the data (unless
``validators=False``), and a Range whose ``If-Range`` names another ETag gets the whole
file with 200, as a real server does when the file changed; ``add`` again with new data
under the same path to change the file between two downloads.

Also here: builders of the files such a server hands out (zips of pack folders, and a
tiny random-weight OPUS-MT Marian checkpoint for the conversion path).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
import threading
import time
import zipfile
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class _Resource:
    data: bytes
    mode: str = "ok"
    delay: float = 0.0
    failures: int = 0
    served: int = 0
    etag: str | None = None


class PackServer:
    def __init__(self) -> None:
        self.resources: dict[str, _Resource] = {}
        self.requests: list[tuple[str, str | None]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(self, path: str, data: bytes, *, mode: str = "ok", delay: float = 0.0,
            failures: int = 0, validators: bool = True) -> str:
        etag = f'"{hashlib.sha256(data).hexdigest()[:16]}"' if validators else None
        self.resources[path] = _Resource(data, mode, delay, failures, etag=etag)
        return self.url(path)

    def ranges_requested(self, path: str) -> list[str | None]:
        return [rng for seen, rng in self.requests if seen == path]

    def __enter__(self) -> PackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                requested_range = self.headers.get("Range")
                with server._lock:
                    server.requests.append((path, requested_range))
                    resource = server.resources.get(path)
                    if resource is not None:
                        resource.served += 1
                if resource is None:
                    self._send_status(404, b"not found")
                    return
                if resource.mode == "error" and resource.served <= resource.failures:
                    self._send_status(503, b"busy")
                    return
                if resource.mode == "slow":
                    time.sleep(resource.delay)
                start = 0
                if_range = self.headers.get("If-Range")
                unchanged = if_range is None or if_range == resource.etag
                if requested_range and resource.mode != "no-range" and unchanged:
                    start = int(requested_range.removeprefix("bytes=").split("-", 1)[0])
                    if start >= len(resource.data):
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{len(resource.data)}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                body = resource.data[start:]
                self.send_response(206 if start else 200)
                if start:
                    end = len(resource.data) - 1
                    self.send_header("Content-Range", f"bytes {start}-{end}/{len(resource.data)}")
                self.send_header("Accept-Ranges", "bytes")
                if resource.etag:
                    self.send_header("ETag", resource.etag)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body)))
                if resource.mode == "drip":
                    if not self._drip_headers(resource.delay):
                        return
                else:
                    self.end_headers()
                if resource.mode == "interrupt" and resource.served == 1:
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                if resource.mode == "stall":
                    self.wfile.write(body[:16])
                    self.wfile.flush()
                    time.sleep(resource.delay)
                    self.close_connection = True
                    return
                self.wfile.write(body)

            def _drip_headers(self, delay: float) -> bool:
                """Send the buffered headers byte by byte; False when the client left."""
                self._headers_buffer.append(b"\r\n")
                head = b"".join(self._headers_buffer)
                self._headers_buffer = []
                for index in range(len(head)):
                    time.sleep(delay)
                    try:
                        self.wfile.write(head[index : index + 1])
                        self.wfile.flush()
                    except OSError:
                        self.close_connection = True
                        return False
                return True

            def _send_status(self, code: int, body: bytes) -> None:
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


def zip_folder(folder: Path, archive: Path, *, top: str | None = None) -> Path:
    """Zip ``folder``'s files, under the folder name ``top`` (None: at the archive root)."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                relative = path.relative_to(folder).as_posix()
                bundle.write(path, f"{top}/{relative}" if top else relative)
    return archive


def tar_folder(folder: Path, archive: Path, *, top: str) -> Path:
    with tarfile.open(archive, "w:gz") as bundle:
        bundle.add(folder, arcname=top)
    return archive


def make_marian_checkpoint(pack: Path, out: Path, *, width: int = 32, ffn: int = 64) -> Path:
    """Write an OPUS-MT style Marian checkpoint (decoder.yml, .npz, vocab .yml, .spm files).

    The vocabulary and SentencePiece models come from the fixture ``pack`` (OPUS-MT
    layout); the weights are seeded random numbers, one encoder and one decoder layer.
    """
    import numpy as np

    out.mkdir(parents=True)
    vocab = json.loads((pack / "shared_vocabulary.json").read_text(encoding="utf-8"))
    rng = np.random.default_rng(7)

    def matrix(rows: int, columns: int) -> np.ndarray:
        return (rng.standard_normal((rows, columns)) / np.sqrt(columns)).astype(np.float32)

    def zeros(size: int) -> np.ndarray:
        return np.zeros((1, size), dtype=np.float32)

    weights = {"Wemb": matrix(len(vocab), width), "decoder_ff_logit_out_b": zeros(len(vocab))}

    def attention(scope: str) -> None:
        for part in "qkvo":
            weights[f"{scope}_W{part}"] = matrix(width, width)
            weights[f"{scope}_b{part}"] = zeros(width)
        weights[f"{scope}_Wo_ln_scale"] = np.ones((1, width), np.float32)
        weights[f"{scope}_Wo_ln_bias"] = zeros(width)

    def feed_forward(scope: str) -> None:
        weights[f"{scope}_W1"], weights[f"{scope}_b1"] = matrix(width, ffn), zeros(ffn)
        weights[f"{scope}_W2"], weights[f"{scope}_b2"] = matrix(ffn, width), zeros(width)
        weights[f"{scope}_ffn_ln_scale"] = np.ones((1, width), np.float32)
        weights[f"{scope}_ffn_ln_bias"] = zeros(width)

    attention("encoder_l1_self")
    feed_forward("encoder_l1_ffn")
    attention("decoder_l1_self")
    attention("decoder_l1_context")
    feed_forward("decoder_l1_ffn")
    # Marian keeps its training options, as YAML (JSON is YAML), NUL-terminated, in the npz.
    options = {
        "type": "transformer", "enc-depth": 1, "dec-depth": 1, "transformer-heads": 2,
        "transformer-decoder-autoreg": "self-attention", "transformer-no-projection": False,
        "transformer-ffn-activation": "swish", "transformer-preprocess": "",
        "transformer-postprocess": "dan", "transformer-postprocess-emb": "d",
        "transformer-guided-alignment-layer": "last",
    }
    weights["special:model.yml"] = np.frombuffer(json.dumps(options).encode() + b"\0", np.int8)
    np.savez(out / "opus.model1.npz", **weights)
    lines = [f"{json.dumps(token, ensure_ascii=False)}: {index}" for index, token in
             enumerate(vocab)]
    (out / "opus.vocab.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "decoder.yml").write_text(
        "models:\n  - opus.model1.npz\nvocabs:\n  - opus.vocab.yml\n  - opus.vocab.yml\n",
        encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        shutil.copy2(pack / name, out / name)
    return out

"""Helpers shared by the test suite: the spec's data, the client called by operationId, local servers, fingerprints.

Fixtures live in the conftest.py files; this module holds what they and the
tests import. Nothing here imports conftest.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import hashlib
import html
import importlib
import ipaddress
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import typing
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import httpx
import yaml
from openapi_python_client.strings import snake_case

from onlyoffice_crm_client import AuthenticatedClient
from onlyoffice_crm_client.client import DEFAULT_RETRY
from onlyoffice_crm_client.types import Response
from scripts.loopback import HOST, free_port, serve
from scripts.node import NODE_BIN
from scripts.node import command as on_pinned_node
from scripts.redocly import redocly
from scripts.spec import inlined, load_spec, operation, walk

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PORTAL = "https://portal.example.com"
# A token in the portal's format; tests check that it never shows up in output.
TOKEN = "864FE52C-1C1C-469F-9308-51DAFEFE7436"
CASE_ID = 42
A_VALID_BODY = {"title": "Exhibition organization"}
ISO_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


# --- the spec and the server's own answers ------------------------------------------------------


@functools.cache
def load_pristine_spec() -> dict[str, Any]:
    """The spec as loaded once; never mutate it. For parametrize, where fixtures cannot reach."""
    return load_spec(SPEC_PATH)


def write_spec(directory: Path, spec: dict[str, Any]) -> Path:
    """A spec (an edited copy of the real one, or a small one) as `directory`/openapi.yaml, for a tool to read."""
    path = directory / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def edit_spec(project: Path, edit: Callable[[dict[str, Any]], object]) -> None:
    """Edit a project copy's openapi.yaml as data and write it back (write_spec), as a maintainer's change."""
    spec = load_spec(project / "openapi.yaml")
    edit(spec)
    write_spec(project, spec)


def rename_schema(spec: dict[str, Any], old: str, new: str) -> None:
    """Rename a schema and every `$ref` to it, as a maintainer renaming it by hand would."""
    schemas = spec["components"]["schemas"]
    schemas[new] = schemas.pop(old)
    for _, node in walk(spec):
        if node.get("$ref") == f"#/components/schemas/{old}":
            node["$ref"] = f"#/components/schemas/{new}"


@functools.cache
def spec_version() -> str:
    """`info.version` of openapi.yaml: what `make publish` publishes and the client's version."""
    version: str = load_pristine_spec()["info"]["version"]
    return version


def load_wire_format_success() -> dict[str, Any]:
    """The success response that wire-format.md shows, as the real server writes it."""
    data: dict[str, Any] = json.loads((FIXTURES / "wire_format_success.json").read_text(encoding="utf-8"))
    return data


def as_instants(value: Any) -> Any:
    """The same JSON value with every date-time string turned into the instant it names.

    The client writes date-times back without the server's seven fractional
    digits, so examples and round trips compare instants, not strings.
    """
    if isinstance(value, dict):
        return {key: as_instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_instants(item) for item in value]
    if isinstance(value, str) and ISO_DATE_TIME.match(value):
        return datetime.fromisoformat(value)
    return value


# --- the generated client, called by operationId -----------------------------------------------


def endpoint(operation_id: str) -> ModuleType:
    """The generated module of an operation (openapi-python-client names it after the operationId)."""
    tag = snake_case(operation(load_pristine_spec(), operation_id).node["tags"][0])
    return importlib.import_module(f"onlyoffice_crm_client.api.{tag}.{snake_case(operation_id)}")


def _arguments(function: Callable[..., Any], body: dict[str, Any] | None) -> dict[str, Any]:
    """The body argument, as the function's own model, when the operation takes one."""
    model = typing.get_type_hints(function).get("body")
    return {"body": model.from_dict(body or A_VALID_BODY)} if model else {}


def call(operation_id: str, client: AuthenticatedClient, body: dict[str, Any] | None = None) -> Response[Any]:
    """Call an operation on case CASE_ID through the client's sync_detailed (with A_VALID_BODY if it takes one)."""
    function = endpoint(operation_id).sync_detailed
    response: Response[Any] = function(CASE_ID, client=client, **_arguments(function, body))
    return response


async def call_async(
    operation_id: str, client: AuthenticatedClient, body: dict[str, Any] | None = None
) -> Response[Any]:
    """call(), through asyncio_detailed."""
    function = endpoint(operation_id).asyncio_detailed
    response: Response[Any] = await function(CASE_ID, client=client, **_arguments(function, body))
    return response


STYLES = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


def call_in_style(operation_id: str, style: str, client: AuthenticatedClient) -> Any:
    """Call an operation on case CASE_ID in one of the four STYLES (with A_VALID_BODY if it takes one).

    The async styles run in a fresh event loop.
    """
    function = getattr(endpoint(operation_id), style)
    arguments = _arguments(function, None)
    if style.startswith("asyncio"):
        return asyncio.run(function(CASE_ID, client=client, **arguments))
    return function(CASE_ID, client=client, **arguments)


def raw_request(operation_id: str) -> tuple[str, str, bytes | None]:
    """(method, path, body) of the operation on case CASE_ID, as a raw HTTP client sends it."""
    found = operation(load_pristine_spec(), operation_id)
    body = json.dumps(A_VALID_BODY).encode() if "requestBody" in found.node else None
    return found.method.upper(), found.path.replace("{caseid}", str(CASE_ID)), body


class Recorder:
    """An httpx.MockTransport handler: keeps the requests, replays one response."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.response = httpx.Response(200, json=load_wire_format_success())

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.response

    def answer(self, status: int, body: Any, media_type: str = "application/json") -> None:
        content = json.dumps(body) if media_type == "application/json" else str(body)
        self.response = httpx.Response(status, content=content.encode(), headers={"Content-Type": media_type})

    def client(self, token: str = TOKEN, **kwargs: Any) -> AuthenticatedClient:
        """An AuthenticatedClient for a portal whose answers come from this recorder."""
        transport = httpx.MockTransport(self)
        return AuthenticatedClient(base_url=PORTAL, token=token, httpx_args={"transport": transport}, **kwargs)


# --- files: fingerprints, copies of the project ------------------------------------------------


def fingerprint(folder: Path, ignore: frozenset[str] = frozenset({"__pycache__"})) -> dict[str, str]:
    """Every file's sha256 and every link's target under a folder, links not followed, names in `ignore` left out."""
    found = {}
    for base, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name not in ignore or Path(base, name).is_symlink()]
        for name in folders + files:
            path = Path(base) / name
            relative = str(path.relative_to(folder))
            if path.is_symlink():
                found[relative] = f"-> {os.readlink(path)}"
            elif path.is_file() and name not in ignore:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run(*command: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run a command to completion (at most five minutes), its output captured as text, whatever its exit status."""
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, timeout=300, env=env, cwd=cwd
    )


# --- crashes and races: a process killed at a system call, two processes at once -----------------


def killed_by_strace(calls: str, n: int) -> list[str]:
    """The command prefix that kills what it runs (SIGKILL) at the n-th of these system calls (`rename,renameat`)."""
    assert shutil.which("strace"), "the crash tests need strace: apt-get install strace (.ci/run does)"
    inject = ["-e", f"trace={calls}", "-e", f"inject={calls}:signal=SIGKILL:when={n}"]
    return ["strace", "-f", "-qq", "-o", "/dev/null", *inject]


def killed_at(calls: str, n: int, script: str, *argv: str | Path) -> subprocess.CompletedProcess[str]:
    """A Python script run in the project, killed at the n-th of these system calls (killed_by_strace)."""
    command = [*killed_by_strace(calls, n), sys.executable, "-c", script, *map(str, argv)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=60)


def race(script: str, argv_a: list[str], argv_b: list[str]) -> list[tuple[int, str]]:
    """Two processes of one Python script at once, with their own arguments: each one's exit status and stderr."""
    racing = [
        subprocess.Popen([sys.executable, "-c", script, *argv], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for argv in (argv_a, argv_b)
    ]
    results = []
    for process in racing:
        _, stderr = process.communicate(timeout=120)
        results.append((process.returncode, stderr))
    return results


NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "dist", ".stamps", ".hypothesis", "*_cache", "__pycache__", "test-artifacts"
)
# -o: the copied locks may look newer than the shared tools; never reinstall them.
MAKE = ["make", "--no-print-directory", "-o", ".venv/.installed", "-o", "node_modules/.installed"]


def project_copy(folder: Path) -> Path:
    """A copy of the project in `folder`/project, sharing the real project's installed tools."""
    copy = folder / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


def make(project: Path, *targets: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run make in a copy of the project, as a user would, with the outer make's flags cleared."""
    return subprocess.run(
        [*MAKE, *targets],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        # As a user runs it: not a sub-make of `make test` (MAKELEVEL would make it say "make[1]:").
        env={**{k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MFLAGS")}, "MAKEFLAGS": ""},
        timeout=timeout,
    )


# Where the reference page keeps the spec that Redoc renders in the browser (`hydrate(__redoc_definition, ...)`).
REDOC_DEFINITION = "const __redoc_definition = "


def release_of(
    built_dist: Path, tmp_path: Path, version: str, edit: Callable[[dict[str, Any]], None] | None = None
) -> Path:
    """A copy of dist/ as `make bundle docs` builds it from the spec saying `version` (and, with `edit`, changed).

    The spec is edited as data and both bundles are written from it as Redocly writes them for
    scripts/bundle.py: openapi.json as its JSON.stringify does, openapi.yaml by its bundle of that
    (once per spec). The reference page is not rebuilt (scripts/docs.py takes about a second and the
    portal tests build many releases): the built page gets the spec where Redoc reads it and its
    title (`page_of`); its pre-rendered markup, shown until Redoc's script runs, stays the built one.
    """
    dist = tmp_path / f"dist-{version}-{len(list(tmp_path.glob('dist-*')))}"
    shutil.copytree(built_dist, dist)
    built = json.loads((built_dist / "openapi.json").read_text(encoding="utf-8"))
    spec = copy.deepcopy(built)
    spec["info"]["version"] = version
    if edit:
        edit(spec)
    if spec != built:
        json_bundle = json.dumps(spec, indent=2, ensure_ascii=False)
        (dist / "openapi.json").write_text(json_bundle, encoding="utf-8")
        (dist / "openapi.yaml").write_text(yaml_bundle(json_bundle), encoding="utf-8")
        page = (dist / "index.html").read_text(encoding="utf-8")
        (dist / "index.html").write_text(page_of(page, built, spec), encoding="utf-8")
    return dist


@functools.cache
def yaml_bundle(json_bundle: str) -> str:
    """The YAML bundle Redocly writes of a spec, given its JSON bundle."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "openapi.json"), Path(folder, "openapi.yaml")
        source.write_text(json_bundle, encoding="utf-8")
        redocly("bundle", str(source), f"--output={target}")
        return target.read_text(encoding="utf-8")


def page_of(page: str, built: dict[str, Any], spec: dict[str, Any]) -> str:
    """The reference page of the `built` spec with `spec` in its place: the definition Redoc renders, the title.

    The definition is found by parsing it, and must be the built spec; it is written as Redocly writes
    it (compact JSON, `<` escaped so that no string can end the script). The title is scripts/docs.py's.
    """
    start = page.index(REDOC_DEFINITION) + len(REDOC_DEFINITION)
    definition, end = json.JSONDecoder().raw_decode(page, start)
    assert definition == built, "the reference page does not render the built spec"
    embedded = json.dumps(spec, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    page = page[:start] + embedded + page[end:]
    opening = page.index("<title>", 0, page.index("</head>")) + len("<title>")
    closing = page.index("</title>", opening)
    old, new = (html.escape(f"{info['title']} {info['version']}") for info in (built["info"], spec["info"]))
    assert page[opening:closing] == old, "the reference page's title is not the one scripts/docs.py gives"
    return page[:opening] + new + page[closing:]


# --- Prism, the spec-driven mock server --------------------------------------------------------

PRISM = NODE_BIN / "prism"
PRISM_START_TIMEOUT = 60.0


class MockServerFailed(RuntimeError):
    """Prism did not start; the message carries its output."""


def _answers(url: str) -> bool:
    try:
        httpx.put(f"{url}/api/2.0/crm/case/1/reopen", timeout=1.0)
    except httpx.TransportError:
        return False
    return True


def _wait_until_up(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + PRISM_START_TIMEOUT
    while not _answers(url):
        if process.poll() is not None:
            raise MockServerFailed(f"prism exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        if time.monotonic() > deadline:
            raise MockServerFailed(
                f"prism did not answer within {PRISM_START_TIMEOUT:.0f}s:\n{log.read_text(errors='replace')}"
            )
        time.sleep(0.2)


def _stop(process: subprocess.Popen[bytes]) -> None:
    # Prism runs as a node process tree: end the whole group, firmly if need be.
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def _mock_on_a_free_port(command: Callable[[int], list[str]]) -> Iterator[str]:
    """Run `command(port)` (a Prism mock) on a free port of 127.0.0.1 and yield its base URL; always stop it."""
    port = free_port()  # Prism cannot report a port it chose itself
    url = f"http://{HOST}:{port}"
    with tempfile.NamedTemporaryFile(prefix="prism-", suffix=".log") as log_file:
        log = Path(log_file.name)
        process = subprocess.Popen(
            command(port),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=ROOT,
        )
        try:
            _wait_until_up(process, url, log)
            yield url
        finally:
            _stop(process)


def prism_mock(spec: Path) -> AbstractContextManager[str]:
    """Serve `spec` with Prism on 127.0.0.1 (request validation on) and yield its base URL; always stop it."""
    return _mock_on_a_free_port(
        lambda port: on_pinned_node(PRISM, "mock", "--host", HOST, "--port", str(port), str(spec))
    )


def make_mock() -> AbstractContextManager[str]:
    """`make mock MOCK_PORT=...` in the project, as a user starts it (it serves openapi.yaml); always stopped."""
    return _mock_on_a_free_port(lambda port: [*MAKE, "mock", f"MOCK_PORT={port}"])


# --- a hostile server: any status, any bytes, late or never ------------------------------------

# The real retry policy, with waits short enough for a test suite.
QUICK_RETRY = DEFAULT_RETRY.copy_with(backoff_factor=0.01)


def update_in_style(style: str, client: AuthenticatedClient) -> Any:
    """Update case CASE_ID the way `style` does (one of STYLES); the async styles run in a fresh event loop."""
    return call_in_style("updateCase", style, client)


@dataclass(frozen=True)
class Answer:
    """One scripted answer. `hang` never answers; `cut_short` promises more bytes than it sends, then closes.

    `drip` sends the body one byte every `drip` seconds (the status line and headers too with `drip_headers`),
    so that no single read ever waits long.
    """

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False
    cut_short: bool = False
    drip: float = 0.0
    drip_headers: bool = False


@dataclass
class Seen:
    """A request as the server saw it."""

    at: float
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


class HostileServer:
    """The server's state: the script, the requests seen, the event that ends hung answers.

    Each request takes the next scripted answer (the last one repeats), and the
    server records when each request came, so tests can count retries and time
    the waits between them.
    """

    def __init__(self) -> None:
        self.answers: list[Answer] = [Answer()]
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.url = ""

    def script(self, *answers: Answer) -> None:
        """Answer the next requests with `answers`, in order; the last one repeats."""
        with self.lock:
            self.answers = list(answers)
            self.seen = []

    def next_answer(self, seen: Seen) -> Answer:
        with self.lock:
            self.seen.append(seen)
            return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def hostile_handler(state: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, so every answer (a cut-short one too) ends by closing.
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            self.do_PUT()

        def do_PUT(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            answer = state.next_answer(Seen(time.monotonic(), self.command, self.path, dict(self.headers), body))
            if answer.hang:
                state.stopping.wait(timeout=30)
                return
            if answer.drip:
                self.drip(answer)
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            promised = len(answer.body) * 2 + 10 if answer.cut_short else len(answer.body)
            self.send_header("Content-Length", str(promised))
            self.end_headers()
            self.wfile.write(answer.body)

        def drip(self, answer: Answer) -> None:
            """Write the answer a byte at a time until it is all out, the client left or the server stops."""
            head = f"HTTP/1.0 {answer.status} OK\r\nContent-Length: {len(answer.body)}\r\n\r\n".encode()
            if not answer.drip_headers:
                self.wfile.write(head)
            for byte in (head if answer.drip_headers else b"") + answer.body:
                if state.stopping.wait(timeout=answer.drip):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                except OSError:
                    return  # the client gave up: what the test wanted

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the tests' output is their assertions, not an access log

    return Handler


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    """Run a HostileServer on 127.0.0.1 for the duration of the block; hung answers end before it stops."""
    state = HostileServer()
    with serve(hostile_handler(state)) as url:
        state.url = url
        try:
            yield state
        finally:
            state.stopping.set()


# --- a TLS server whose certificate no client trusts ----------------------------------------------


@dataclass
class TlsServer:
    """A server on 127.0.0.1 with a self-signed certificate; `connections` counts the TLS handshakes tried."""

    url: str
    certificate: Path
    connections: int = 0


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A key and a certificate for 127.0.0.1, signed by the key itself, as PEM files in `folder`."""
    from cryptography import x509  # noqa: PLC0415 (only the TLS tests need it)
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.now(tz=UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_file, certificate_file = folder / "key.pem", folder / "certificate.pem"
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    certificate_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_file, certificate_file


@contextmanager
def self_signed_tls_server() -> Iterator[TlsServer]:
    """Accept TLS connections on 127.0.0.1 with a self-signed certificate until the block ends; answer nothing."""
    with tempfile.TemporaryDirectory() as scratch, socket.create_server((HOST, 0)) as listener:
        key_file, certificate_file = _self_signed_certificate(Path(scratch))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate_file, key_file)
        listener.settimeout(0.1)
        state = TlsServer(f"https://{HOST}:{listener.getsockname()[1]}", certificate_file)
        stopping = threading.Event()

        def accept() -> None:
            while not stopping.is_set():
                try:
                    connection, _ = listener.accept()
                except TimeoutError:
                    continue
                state.connections += 1
                connection.settimeout(5)
                try:
                    context.wrap_socket(connection, server_side=True).close()
                except (ssl.SSLError, OSError):
                    connection.close()  # the client refused the certificate: what the tests want

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            yield state
        finally:
            stopping.set()
            thread.join(timeout=5)


# --- payloads valid under the spec's schemas, for property-based tests ---------------------------

# Keywords that only annotate; hypothesis-jsonschema need not see them.
ANNOTATIONS = frozenset({"description", "examples", "x-enum-varnames", "deprecated"})
# hypothesis-jsonschema draws a `date-time` and then filters it by the `pattern` that pins the
# server's form (.0000000 and an offset): nearly all are refused. A pinned date-time is drawn as such.
PINNED_DATE_TIME = "server-date-time"


def server_date_time(moment: datetime) -> str:
    """A date-time as the server writes a case's: seven zero fractional digits, the offset, Z at zero."""
    offset = moment.utcoffset() or timedelta()
    zone = "Z" if not offset else moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]
    return f"{moment:%Y-%m-%dT%H:%M:%S}.0000000{zone}"


def closed_and_small(node: Any) -> Any:
    """The schema with no extra keys on its objects, at most three items in its arrays, pinned date-times.

    Extra keys are tested on their own (test_client_parses_responses); letting
    hypothesis-jsonschema invent them makes it filter out most inputs.
    """
    if isinstance(node, dict):
        node = {key: closed_and_small(value) for key, value in node.items()}
        if "properties" in node:
            node.setdefault("additionalProperties", False)
        if node.get("type") == "array":
            node.setdefault("maxItems", 3)
        if node.get("format") == "date-time" and "pattern" in node:
            node["format"] = PINNED_DATE_TIME
    elif isinstance(node, list):
        node = [closed_and_small(item) for item in node]
    return node


def payloads(schema_name: str) -> SearchStrategy[Any]:
    """Payloads valid under a schema of the spec, drawn by hypothesis-jsonschema."""
    # Imported here: conftest imports this module, and hypothesis-jsonschema reads hypothesis' storage on import.
    from hypothesis import strategies as st  # noqa: PLC0415
    from hypothesis_jsonschema import from_schema  # noqa: PLC0415

    spec = closed_and_small(load_pristine_spec())
    # hypothesis-jsonschema knows the JSON Schema formats but not OpenAPI's `uuid`.
    uuids = st.uuids().map(str)
    offsets = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda minutes: timezone(timedelta(minutes=minutes)))
    server_dates = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=offsets).map(
        server_date_time
    )
    schema = inlined(spec, {"$ref": f"#/components/schemas/{schema_name}"}, ANNOTATIONS)
    return from_schema(schema, custom_formats={"uuid": uuids, PINNED_DATE_TIME: server_dates})

#!/usr/bin/env python3
"""Bootstrap and task runner for Follow-Up Planner (standard library only).

python3 make.py run          create/reuse .venv, install, open the app
python3 make.py test         install test extras, run lint, types, contracts, tests
python3 make.py bench        run the benchmarks (add --json for machine output)
python3 make.py screenshots  render the main screens to docs/screenshots/
python3 make.py build        build the one-folder desktop app with PyInstaller
python3 make.py catalogues   extract the marked texts, update every language's .po, compile
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".followup-install"
MIN_PYTHON = (3, 11)
# Newest first: a newer interpreter sidesteps PySide6 6.12.0's none_dealloc bug on 3.11.
PREFERRED = ("python3.13", "python3.12", "python3.11")
EXTRAS = {
    "run": "",
    "test": "test",
    "bench": "test",
    "screenshots": "test",
    "build": "test,build",
    "catalogues": "",
}
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "followup.pot"
# The extraction keywords, as babel.cfg's header says (Babel's defaults add _ and gettext).
KEYWORDS = ("N_", "ngettext:1,2", "pgettext:1c,2")


def say(message: str) -> None:
    print(f"[make] {message}", flush=True)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def interpreter_version(executable: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [executable, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return (int(out[0]), int(out[1])) if len(out) == 2 else None


def pick_interpreter() -> str:
    """Return the newest usable Python >= 3.11 found, this one included."""
    found: list[tuple[tuple[int, int], str]] = []
    for name in PREFERRED:
        path = shutil.which(name)
        version = interpreter_version(path) if path else None
        if path and version and version >= MIN_PYTHON:
            found.append((version, path))
    if sys.version_info[:2] >= MIN_PYTHON:
        found.append((sys.version_info[:2], sys.executable))
    if not found:
        sys.exit(
            f"[make] Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]}+ is needed; this is {sys.version}."
        )
    version, path = max(found, key=lambda item: item[0])
    say(f"using Python {version[0]}.{version[1]} at {path}")
    return path


def ensure_venv() -> Path:
    python = venv_python()
    if python.exists() and interpreter_version(str(python)):
        return python
    if VENV.exists():
        say("existing .venv is broken; recreating it")
        shutil.rmtree(VENV)
    base = pick_interpreter()
    say(f"creating virtual environment in {VENV}")
    if Path(base).resolve() == Path(sys.executable).resolve():
        venv.EnvBuilder(with_pip=True).create(VENV)
    else:
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    return python


def install(python: Path, extras: str) -> None:
    """Install the project editable, only when pyproject.toml or the wanted extras changed."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    wanted = set(filter(None, extras.split(",")))
    stamp = STAMP.read_text(encoding="utf-8").split() if STAMP.exists() else []
    # A venv installed with more extras than needed is fine (test includes what run needs).
    if stamp[:1] == [digest] and wanted <= set(stamp[1:]):
        say("dependencies up to date (pyproject.toml unchanged)")
        return
    installed = wanted | (set(stamp[1:]) if stamp[:1] == [digest] else set())
    target = f".[{','.join(sorted(installed))}]" if installed else "."
    say(f"installing {target} (editable) into .venv")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target],
        cwd=ROOT,
        check=True,
    )
    STAMP.write_text(" ".join([digest, *sorted(installed)]), encoding="utf-8")


def venv_tool(python: Path, name: str) -> str:
    folder = python.parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def run_step(title: str, command: list[str], env: dict[str, str] | None = None) -> None:
    say(title)
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        say(f"FAILED: {title} (exit {result.returncode})")
        sys.exit(result.returncode)


# The Debian/Ubuntu package of each system library Qt's window plugin (xcb) links to; on a
# bare system the window cannot open without them.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ldd reports as 'not found', each once, in order."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if arrow and where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def install_hint(missing: list[str]) -> list[str]:
    """What to tell the user: the libraries, and the apt command that installs them."""
    packages = [DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES]
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    lines = [f"Qt cannot open a window: the system lacks {', '.join(missing)}."]
    if packages:
        lines.append("On Debian or Ubuntu, install them with:")
        lines.append(f"    sudo apt-get install {' '.join(packages)}")
    if unknown:
        lines.append(f"Find the package of {', '.join(unknown)} with: apt-file search NAME")
    return lines


def qt_window_plugin() -> Path | None:
    found = sorted(VENV.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"))
    return found[-1] if found else None


def check_qt_libraries() -> bool:
    """On Linux, whether Qt's window plugin finds its system libraries (ldd); says which are
    missing and how to install them. True when nothing is known to be missing."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return True
    plugin, ldd = qt_window_plugin(), shutil.which("ldd")
    if plugin is None or ldd is None:
        return True
    try:
        output = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    missing = missing_libraries(output)
    for line in install_hint(missing) if missing else []:
        say(line)
    return not missing


def cmd_run(python: Path, args: list[str]) -> None:
    # Under Wayland Qt may not need the X11 plugin at all: then it is only a warning.
    if not check_qt_libraries() and not os.environ.get("WAYLAND_DISPLAY"):
        sys.exit(1)
    say("starting Follow-Up Planner")
    sys.exit(subprocess.run([str(python), "-m", "ui.main", *args], cwd=ROOT).returncode)


def test_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def cmd_test(python: Path, args: list[str]) -> None:
    env = test_environment()
    run_step("ruff check", [venv_tool(python, "ruff"), "check", "."], env)
    run_step("ruff format --check", [venv_tool(python, "ruff"), "format", "--check", "."], env)
    run_step("mypy", [venv_tool(python, "mypy")], env)
    run_step("import contracts (lint-imports)", [venv_tool(python, "lint-imports")], env)
    pytest = [str(python), "-m", "pytest", *args]
    helper = ROOT / "tests" / "support" / "with_services.py"
    if helper.exists():
        # Starts the real peers some tests need (a private D-Bus + Secret Service) when present.
        pytest = [str(python), str(helper), *pytest]
    run_step("pytest", pytest, env)
    say("all checks passed")


def cmd_bench(python: Path, args: list[str]) -> None:
    env = test_environment()
    sys.exit(subprocess.run([str(python), "-m", "bench.run", *args], cwd=ROOT, env=env).returncode)


def cmd_screenshots(python: Path, args: list[str]) -> None:
    env = test_environment()
    run_step("rendering screenshots", [str(python), "-m", "ui.screenshots", *args], env)


def cmd_build(python: Path, args: list[str]) -> None:
    run_step("PyInstaller", [str(python), "-m", "PyInstaller", "--noconfirm", "build.spec"])
    # The same test `make.py test` runs whenever a build is in dist/: migrate, schedule, .ics.
    run_step(
        "frozen self-test",
        [str(python), "-m", "pytest", "-q", "-s", "tests/integration/test_self_test.py"],
        test_environment(),
    )


def shipped_languages(python: Path) -> list[str]:
    """Every language app.i18n ships except English, the source (read from the venv)."""
    code = "from app.i18n import ENGLISH, LANGUAGES; print(*(c for c in LANGUAGES if c != ENGLISH))"
    out = subprocess.run(
        [str(python), "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout.split()


# Compiled by the same function app.i18n uses for a .po newer than its .mo, so the two
# routes cannot disagree (fuzzy entries left out, as msgfmt does).
COMPILE = """
import sys
from pathlib import Path
from app.i18n import compile_po
for name in sys.argv[1:]:
    po = Path(name)
    po.with_suffix(".mo").write_bytes(compile_po(po))
"""


def compile_catalogues(python: Path) -> None:
    """Each .po as its .mo (fast; .mo files are built, never committed)."""
    catalogues = sorted(LOCALE.glob("*/LC_MESSAGES/followup.po"))
    if catalogues:
        run_step(
            f"compiling {len(catalogues)} catalogues",
            [str(python), "-c", COMPILE, *map(str, catalogues)],
        )


def _undated(catalogue: str) -> list[str]:
    return [line for line in catalogue.splitlines() if "-Creation-Date:" not in line]


def cmd_catalogues(python: Path, args: list[str]) -> None:
    """Extract, update (or create) each language's .po, compile them.

    Locations are left out of the .pot and .po files: with them every moved line in any
    module would rewrite every catalogue, and the diffs translators review would be noise;
    sorted by text, an entry stays where it is. Where a text needs context, the code says so
    with pgettext or a '# Translators:' comment, which is kept."""
    pybabel = venv_tool(python, "pybabel")
    LOCALE.mkdir(parents=True, exist_ok=True)
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    before = TEMPLATE.read_text(encoding="utf-8") if TEMPLATE.exists() else ""
    run_step(
        "extracting texts into resources/locale/followup.pot",
        [
            pybabel,
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            *keywords,
            # A '# Translators: ...' comment above a marked text travels with it.
            "--add-comments=Translators:",
            "--no-location",
            "--sort-output",
            "--project",
            "Follow-Up Planner",
            "--no-wrap",
            "-o",
            str(TEMPLATE),
            ".",
        ],
    )
    if _undated(TEMPLATE.read_text(encoding="utf-8")) == _undated(before):
        TEMPLATE.write_text(before, encoding="utf-8")  # nothing changed but the date: no diff
    for language in shipped_languages(python):
        po = LOCALE / language / "LC_MESSAGES" / "followup.po"
        if po.exists():
            # No fuzzy matching: a guess from a similar text must not ship as a translation.
            # Texts the code no longer marks are dropped (git keeps their history).
            command = ["update", "--no-fuzzy-matching", "--ignore-obsolete", "--no-wrap"]
            command += ["--ignore-pot-creation-date"]
            title = f"updating {language}"
        else:
            command, title = ["init", "--no-wrap"], f"creating {language}"
        run_step(
            title,
            [
                pybabel,
                "-q",
                *command,
                "-D",
                "followup",
                "-i",
                str(TEMPLATE),
                "-d",
                str(LOCALE),
                "-l",
                language,
            ],
        )
    compile_catalogues(python)
    say("catalogues updated; translate the empty msgstr entries in each .po")


COMMANDS = {
    "catalogues": cmd_catalogues,
    "run": cmd_run,
    "test": cmd_test,
    "bench": cmd_bench,
    "screenshots": cmd_screenshots,
    "build": cmd_build,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    name, rest = sys.argv[1], sys.argv[2:]
    python = ensure_venv()
    install(python, EXTRAS[name])
    if name != "catalogues":
        # Every command that starts the app or its tests needs the catalogues compiled.
        compile_catalogues(python)
    COMMANDS[name](python, rest)


if __name__ == "__main__":
    main()

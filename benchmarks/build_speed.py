"""Build speed and site size at 8, 50 and 200 methods, against plain Material.

Run with `.venv/bin/python benchmarks/build_speed.py` (about 25 minutes;
`--metoder 8,50` for fewer sizes, `--belastad` to keep both cores busy with
two other processes while measuring). For each size it copies the project to
a temporary folder, grows it with copies of the real methods
(synthetic.py) and times `mkdocs build --strict` there:

- Material: the same Markdown our build generated, built by Material alone
  (its own search plugin, the same theme settings, Markdown extensions and
  menu; no macros, no hooks, no downloads, no Pagefind);
- ours without downloads (VERKTYGSLADAN_DOWNLOADS=off), first with empty
  caches and then again with the caches our build keeps (the search index);
- ours with every download: cold (no cache, every file generated), warm
  (cache full, nothing changed), and the size of site/;
- at the first size only, one method's text edited: which cache entries are
  made again (that method's and the print edition's) and how long it takes.

Every build of ours is followed by one of Material's, and a ratio is the
median of those pairs' ratios (as edition_speed.py does), so a machine that
speeds up or slows down between minutes moves both sides of it alike.

Goals (issue 18): ours without downloads at most 1.2 × Material; warm with
downloads at most 1.5 × Material at 8 and 50 methods; cold with every
download at most 8 s for the 8 real methods; site/ at most 8 MB for them
and at most 0.6 MB more per added method. A benchmark, not a test: the
timings depend on the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synthetic import add_copies  # noqa: E402

from verktygsladan.content import load_handbook  # noqa: E402
from verktygsladan.pages.navigation import with_method_pages  # noqa: E402

PARTS = ("docs", "editions", "macros", "methods", "overrides", "verktygsladan", "mkdocs.yml")
SIZES = (8, 50, 200)
# Repeated builds per measurement; the median is reported. One at 200 methods, where a build is long.
RUNS = {8: 5, 50: 3, 200: 1}
# What plain Material keeps of our mkdocs.yml: the theme and how Markdown is read.
PLAIN_KEYS = ("site_name", "site_description", "use_directory_urls", "theme", "markdown_extensions")


def copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "metoder", ".generated-by-verktygsladan", ".cache")
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore)
        else:
            shutil.copy2(source, target / part)


def environment(cache: Path, downloads: bool = True, edition: str = "") -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "VERKTYGSLADAN_CACHE_DIR": str(cache), "VERKTYGSLADAN_UTGAVA": edition}
    if not downloads:
        env["VERKTYGSLADAN_DOWNLOADS"] = "off"
    return env


def build(project: Path, cache: Path, downloads: bool = True, edition: str = "") -> float:
    return timed(project, environment(cache, downloads, edition))


def timed(project: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project,
                   env=env or environment(project / ".ingen-cache"), check=True, capture_output=True)
    return time.perf_counter() - start


def _any_tag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node):
    # mkdocs.yml uses !ENV [NAME, default]: the default is what a plain build would see.
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node)
    return value[-1] if isinstance(value, list) else value


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor("!", _any_tag)


def plain_material(project: Path, target: Path) -> Path:
    """A Material-only project with the Markdown our build generated in `project` and the same menu."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    plain = {key: config[key] for key in PLAIN_KEYS if key in config}
    plain["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plain["theme"]["language"] = "sv"
    plain["nav"] = with_method_pages(config["nav"], load_handbook(project))
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns(".generated-by-verktygsladan"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def measure(folder: Path, methods: int, edit_one: bool = False) -> dict:
    project, cache = folder / "projekt", folder / "cache"
    copy_project(project)
    if methods > 8:
        add_copies(project, methods)
    runs = RUNS.get(methods, 1)
    # The Markdown plain Material builds is what our build generates; Python's and MkDocs' own
    # first-run costs (imports from a cold disk) are then nobody's, so both get a build first.
    build(project, folder / "forsta-cache", downloads=False)
    plain = plain_material(project, folder / "material")
    timed(plain)
    # Each of our builds is followed by one of Material's, and each ratio divides medians of
    # those pairs: the speed of this machine drifts by a third between minutes, so Material
    # measured in a block of its own made the ratios move more than any change of ours.
    first_off, warm_off, material = [], [], []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        first_off.append(build(project, cache, downloads=False))
        material.append(timed(plain))
        warm_off.append(build(project, cache, downloads=False))
        material.append(timed(plain))
    shutil.rmtree(cache)
    cold = build(project, cache)
    warm, material_beside_warm = [], []
    for _ in range(runs):
        warm.append(build(project, cache))
        material_beside_warm.append(timed(plain))
    result = {"methods": methods, "material": statistics.median(material + material_beside_warm),
              "first_off": statistics.median(first_off), "warm_off": statistics.median(warm_off),
              "cold": cold, "warm": statistics.median(warm), "size": size_of(project / "site"),
              "first_ratio": statistics.median(a / b for a, b in zip(first_off, material[0::2])),
              "warm_off_ratio": statistics.median(a / b for a, b in zip(warm_off, material[1::2])),
              "warm_ratio": statistics.median(a / b for a, b in zip(warm, material_beside_warm))}
    if edit_one:
        before = {p.name for p in cache.iterdir()}
        method = sorted(p for p in (project / "methods").iterdir() if p.is_dir() and not p.name.startswith("_"))[0]
        prose = method / "text.md"
        prose.write_text(prose.read_text(encoding="utf-8") + "\nEn rad till för mätningen.\n", encoding="utf-8")
        result["edited"] = build(project, cache)
        result["remade"] = sorted(p.name.split("--")[0] for p in cache.iterdir() if p.name not in before)
    return result


def burn() -> None:
    while True:
        pass


def table(results: list[dict[str, float]]) -> str:
    lines = ["| Metoder | Material | Vår, utan nedladdningar, första | Kvot | Vår, utan nedladdningar, igen | Kvot "
             "| Kall med alla nedladdningar | Varm med nedladdningar | Kvot | site/ | Per tillkommen metod |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    base = results[0]
    for r in results:
        per_method = "–" if r is base else \
            f"{(r['size'] - base['size']) / (r['methods'] - base['methods']) / 1e6:.2f} MB"
        lines.append(
            f"| {r['methods']} | {r['material']:.2f} s | {r['first_off']:.2f} s | {r['first_ratio']:.2f} × "
            f"| {r['warm_off']:.2f} s | {r['warm_off_ratio']:.2f} × | {r['cold']:.1f} s "
            f"| {r['warm']:.2f} s | {r['warm_ratio']:.2f} × | {r['size'] / 1e6:.1f} MB | {per_method} |")
    return "\n".join(lines)


def main() -> None:
    sizes = SIZES
    if "--metoder" in sys.argv:
        sizes = tuple(int(n) for n in sys.argv[sys.argv.index("--metoder") + 1].split(","))
    busy = []
    if "--belastad" in sys.argv:
        busy = [multiprocessing.Process(target=burn, daemon=True) for _ in range(os.cpu_count() or 2)]
        for process in busy:
            process.start()
    results = []
    try:
        for methods in sizes:
            with tempfile.TemporaryDirectory() as folder:
                results.append(measure(Path(folder), methods, edit_one=methods == sizes[0]))
                print(f"{methods} metoder klara", file=sys.stderr)
    finally:
        for process in busy:
            process.terminate()
    print(f"{os.cpu_count()} kärnor{', båda upptagna av två andra processer' if busy else ''}; "
          f"Python {sys.version.split()[0]}; median av {', '.join(str(RUNS.get(n, 1)) for n in sizes)} bygg; "
          "varje kvot är medianen av kvoterna mellan ett av våra bygg och Materials bygg direkt efter.")
    print(table(results))
    edited = results[0]
    print(f"\nEn metods text ändrad ({edited['methods']} metoder): {edited['edited']:.1f} s; gjordes om: "
          f"{', '.join(edited['remade'])}")


if __name__ == "__main__":
    main()

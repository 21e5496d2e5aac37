"""Which app may import which, and which layer of an app may import which: the contracts
in pyproject.toml's [tool.importlinter] (docs/architecture.md), checked on every run."""

import textwrap
from pathlib import Path

from importlinter.application.use_cases import create_report, lint_imports, read_user_options
from importlinter.configuration import configure

ROOT = Path(__file__).resolve().parent.parent

configure()


def broken(config: Path) -> list[str]:
    """The names of the contracts in `config` that the code breaks."""
    report = create_report(read_user_options(config_filename=str(config)), cache_dir=None)
    return [
        contract.name for contract, check in report.get_contracts_and_checks() if not check.kept
    ]


def test_the_project_keeps_every_import_rule():
    # On failure, import-linter's report (printed, shown by pytest) names each forbidden
    # import with its file and line.
    kept = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_logo=True, cache_dir=None)
    assert kept, broken(ROOT / "pyproject.toml")


def test_a_model_that_imports_its_views_breaks_the_rule(tmp_path, monkeypatch):
    """The same kind of contract catches the import this project once had everywhere."""
    app = tmp_path / "shop"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "views.py").write_text("def page(request, page):\n    return None\n")
    (app / "models.py").write_text("def serve():\n    from . import views\n    return views\n")
    config = tmp_path / "pyproject.toml"
    config.write_text(
        textwrap.dedent(
            """
            [tool.importlinter]
            root_packages = ["shop"]

            [[tool.importlinter.contracts]]
            name = "models import no views"
            type = "forbidden"
            allow_indirect_imports = true
            source_modules = ["shop.models"]
            forbidden_modules = ["shop.views"]
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert broken(config) == ["models import no views"]

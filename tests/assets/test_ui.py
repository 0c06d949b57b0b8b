"""From the Dagster UI: materialise everything in a headless browser, and see the published version on the asset page.

Runs `dagster dev` (webserver and daemon, as `make ui` does) on a throwaway
instance. The seeds sensor is stopped, so the version checked is the one the
UI launched. Screenshots are saved
under tests/artifacts/.
"""
from __future__ import annotations

import subprocess
import time

import dagster as dg
import pytest

from assets.automation import seed_folder_changes
from pipeline.dataset import open_table
from tests.assets.live import BIN, Project, free_port, running, wait_until_serving
from tests.conftest import REPO

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "tests" / "artifacts"
PUBLISH_TIMEOUT = 180  # the run queue's daemon and one run


@pytest.fixture
def ui(tmp_path):
    """The URL of `dagster dev` serving a project of three seeds, with the sensor stopped."""
    project = Project.create(tmp_path, n=3)
    stop = subprocess.run([str(BIN / "dagster"), "sensor", "stop", seed_folder_changes.name, "-w", "workspace.yaml"],
                          cwd=REPO, env=project.env, capture_output=True, text=True, timeout=120)
    assert stop.returncode == 0, stop.stderr[-3000:]
    port = free_port()
    args = [str(BIN / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]
    with running(args, project, "dagster_dev"):
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(url)
        yield url, project


@pytest.fixture
def page():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1600, "height": 2400})
        finally:
            browser.close()


def dismiss_welcome(page) -> None:
    """The first visit may greet with a newsletter dialog; skip it."""
    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(timeout=5000)
    except playwright.TimeoutError:
        return
    skip.click()


def wait_for_materialization(project: Project, version_id: str, timeout: float = 120) -> None:
    """Until the instance records ``dataset``'s materialisation of ``version_id`` (just after its publish)."""
    with dg.DagsterInstance.get() as instance:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = instance.get_latest_materialization_event(dg.AssetKey("dataset"))
            if event and event.asset_materialization.metadata["version_id"].value == version_id:
                return
            time.sleep(1)
    raise AssertionError(f"no materialisation of dataset {version_id} within {timeout} s")


def test_materialize_all_from_the_asset_graph_publishes_a_version(ui, page, monkeypatch):
    url, project = ui
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{url}/asset-groups")
    materialize_all = page.get_by_role("button", name="Materialize all")
    materialize_all.wait_for(timeout=60_000)
    dismiss_welcome(page)
    materialize_all.click()
    page.get_by_text("Launched run").wait_for(timeout=60_000)

    manifest = project.wait_for_version(None, PUBLISH_TIMEOUT)
    monkeypatch.setenv("DAGSTER_HOME", str(project.home))
    wait_for_materialization(project, manifest["version_id"])
    documents = open_table(project.output, "documents", version=manifest["version_id"]).select("file_name")
    assert set(documents.collect()["file_name"]) == {p.name for p in project.seeds.iterdir()}
    assert manifest["row_counts"]["figures"] > 0

    page.goto(f"{url}/assets/dataset")
    page.get_by_text(manifest["version_id"]).first.wait_for(timeout=60_000)
    for shown in ("current_version", "published", "row_counts", str(project.output / "versions")):
        assert page.get_by_text(shown).count(), f"the dataset page does not show {shown!r}"
    page.screenshot(path=ARTIFACTS / "ui_dataset.png")

    page.goto(f"{url}/assets/figures")
    page.get_by_text("Row count").first.wait_for(timeout=60_000)
    assert page.get_by_text("preview").count()
    page.screenshot(path=ARTIFACTS / "ui_figures.png")

    page.goto(f"{url}/assets/figures?view=checks")
    page.get_by_text("figures_are_consistent").first.wait_for(timeout=60_000)
    page.screenshot(path=ARTIFACTS / "ui_figures_checks.png")

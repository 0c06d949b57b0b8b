"""The published dataset: versions written once, read by anyone, checked and pruned."""
from pipeline.dataset.compare import compare
from pipeline.dataset.contents import Tables
from pipeline.dataset.publish import Lineage, PublishResult, publish_version
from pipeline.dataset.reader import list_versions, open_table, read_manifest
from pipeline.dataset.retention import prune_versions
from pipeline.dataset.verify import Verification, verify_version

__all__ = ["Lineage", "PublishResult", "Tables", "Verification", "compare", "list_versions", "open_table",
           "prune_versions", "publish_version", "read_manifest", "verify_version"]

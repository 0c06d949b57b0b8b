"""The published dataset: versions written once, read by anyone."""
from pipeline.dataset.publish import Lineage, PublishResult, Tables, publish_version
from pipeline.dataset.reader import list_versions, open_table, read_manifest

__all__ = ["Lineage", "PublishResult", "Tables", "list_versions", "open_table", "publish_version", "read_manifest"]

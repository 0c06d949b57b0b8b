"""The scale benchmark (`make bench`): a synthetic corpus, extraction against quantulum3, `make run` at scale."""

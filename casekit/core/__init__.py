"""The core: records, schemas, rules and findings. Knows nothing of click or MkDocs."""
